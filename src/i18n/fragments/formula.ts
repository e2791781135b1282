import { fragment } from '../fragment';

/** Messages of the formula feature. */
export const formulaMessages = fragment({}, {});
