// The poster's own script (built on its own by build/poster.ts, run by the parser after #root).
import { pageAtStart, showPoster } from './poster';

showPoster(document, pageAtStart(window));
