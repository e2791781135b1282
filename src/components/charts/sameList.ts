/** Whether two lists hold the same values in the same order (Object.is, item by item). */
export const sameList = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((value, k) => Object.is(value, b[k]));
