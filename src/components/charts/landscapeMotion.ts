/**
 * The 1-D landscape's moving marks, painted from the store without React while the runs play fast.
 * The landscape then renders only when its structure changes (heldLandscapeView); on every other
 * frame this writes the ball, the tangent, the next step, the highlighted sample's loss, the path's
 * tail (and body, when it is drawn again) and the figure's data attributes straight into the
 * drawing: a dozen attributes instead of a render of the landscape's tree and its commit.
 */
import { useLayoutEffect, useRef } from 'react';
import { usePlaygroundStoreApi } from '../../store/context';
import { selectIsFastPlay } from '../../store/selectors';
import { landscapeLayer } from './landscapeLayer';
import { heldLandscapeView, landscapeView, type LandscapeView } from './landscapeView';
import {
  marksPresent,
  movingMarks,
  pathDots,
  type DrawnSampleCurve,
  type LandscapeLayer,
  type MovingMarks,
} from './landscapeMarks';
import { sameList, type PixelScales } from './toolkit';

/** What the drawing last rendered, and how to have it render a layer the painter cannot paint. */
export interface DrawnLandscape {
  readonly layer: LandscapeLayer;
  readonly scales: PixelScales;
  readonly sampleCurves: readonly DrawnSampleCurve[];
  readonly marks: MovingMarks;
  readonly showFresh: (layer: LandscapeLayer) => void;
}

const setAttributes = (element: Element | null, attributes: Readonly<Record<string, string | number>>) => {
  if (!element) return;
  for (const [name, value] of Object.entries(attributes)) {
    const text = String(value);
    if (element.getAttribute(name) !== text) element.setAttribute(name, text);
  }
};

/**
 * Writes `marks` into the drawing under `root` (the elements LandscapeDrawing rendered for marks
 * of the same presence, marksPresent) and the figure around it.
 */
export function paintMarks(root: SVGGElement, marks: MovingMarks): void {
  const find = (selector: string) => root.querySelector(selector);
  const { ball, tangent, touch, step, highlight, line, dots } = marks;
  if (ball) setAttributes(find('.landscape-ball'), { cx: ball.x, cy: ball.y, 'data-w': marks.w });
  if (tangent !== null) setAttributes(find('.landscape-tangent path'), { d: tangent });
  if (touch) setAttributes(find('.landscape-touch'), { cx: touch.x, cy: touch.y });
  if (step) {
    const group = find('.landscape-next-step');
    setAttributes(group, { 'data-next-w': step.nextW });
    if (step.shown) group?.removeAttribute('visibility');
    else setAttributes(group, { visibility: 'hidden' });
    setAttributes(find('.landscape-next-step line'), { x1: step.x1, y1: step.y1, x2: step.x2, y2: step.y2 });
    setAttributes(find('.landscape-next-step path'), { d: step.arrow });
  }
  if (highlight !== null) setAttributes(find('.landscape-sample-latest path'), { d: highlight });
  setAttributes(find('.landscape-path-line'), { d: line.body });
  setAttributes(find('.landscape-path-line-tail'), { d: line.tail });
  setAttributes(find('.landscape-path-dots'), { d: dots.body, 'data-dots': dots.points.length });
  setAttributes(find('.landscape-path-dots-tail'), { d: dots.tail });
  setAttributes(root.closest('figure'), {
    'data-w': marks.w,
    'data-path-dots': marks.pathDots,
    'data-highlighted-sample': marks.highlighted,
  });
}

/**
 * While the runs play fast, paints each new view of the drawing's run in place, over the structure
 * last rendered; when a mark comes or goes, has the drawing render that layer instead. After each
 * render that follows a painted frame, paints what was rendered: React writes only the attributes
 * whose values changed between its renders, not those the painter changed since.
 */
export function useLandscapeMotion(root: SVGGElement | null, drawn: DrawnLandscape | null): void {
  const store = usePlaygroundStoreApi();
  const current = useRef<DrawnLandscape | null>(null);
  const painted = useRef(false);
  const lastView = useRef<LandscapeView | null>(null);
  useLayoutEffect(() => {
    current.current = drawn;
    lastView.current = null;
    if (painted.current && root && drawn) paintMarks(root, drawn.marks);
    painted.current = false;
  }, [root, drawn]);
  const id = drawn?.layer.id;
  useLayoutEffect(() => {
    if (!root || id === undefined) return;
    return store.subscribe((state) => {
      const drawing = current.current;
      if (!drawing || !selectIsFastPlay(state)) return;
      const view = landscapeView(state, id);
      if (view === lastView.current) return;
      lastView.current = view;
      // The landscape renders this very view (its structure changed): nothing to paint over it.
      if (heldLandscapeView(state, id).view === view) return;
      const layer = landscapeLayer(view, drawing.layer, false);
      const dots = pathDots(layer.path, drawing.scales, null);
      const marks = movingMarks(layer, drawing.scales, drawing.sampleCurves, dots);
      if (!sameList(marksPresent(marks), marksPresent(drawing.marks))) {
        drawing.showFresh(layer);
        return;
      }
      paintMarks(root, marks);
      painted.current = true;
    });
  }, [store, root, id]);
}
