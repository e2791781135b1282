import { fragment } from '../fragment';

/** Messages of the data feature. */
export const dataMessages = fragment({}, {});
