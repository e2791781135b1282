import { fragment } from '../fragment';

/** Messages of the python feature. */
export const pythonMessages = fragment({}, {});
