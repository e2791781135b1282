import { fragment } from '../fragment';

/** Messages of the export feature. */
export const exportMessages = fragment({}, {});
