import { fragment } from '../fragment';

/** Messages of the landscape2d feature. */
export const landscape2dMessages = fragment({}, {});
