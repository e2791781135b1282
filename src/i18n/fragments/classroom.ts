import { fragment } from '../fragment';

/** Messages of the classroom feature. */
export const classroomMessages = fragment({}, {});
