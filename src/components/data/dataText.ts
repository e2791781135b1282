/**
 * What the table and the paste box say, shared by both: lists in the current language, the problems
 * of a paste in words, and the problems of a data set the settings would refuse. (Counts take their
 * plural form in the messages themselves: `{n, plural, one {# point} other {# points}}`.)
 */
import { useCallback } from 'react';
import { validateSettings, type PasteProblem, type ValidationError } from '../../core';
import { selectLocale, type Translate, useLocaleStore } from '../../i18n';
import { DEFAULT_SETTINGS } from '../../store/playground';

/** Items as a list in the current language: "a, b and c", "a、b和c". */
export function useListText(): (items: readonly string[]) => string {
  const locale = useLocaleStore(selectLocale);
  return useCallback(
    (items) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items),
    [locale],
  );
}

/** Problems of a data set alone (the other settings in the store are always valid). */
export function dataProblems(xs: readonly number[], ys: readonly number[]): ValidationError[] {
  return validateSettings({ ...DEFAULT_SETTINGS, batchSize: undefined, xs, ys }).filter(
    (error) => error.field === 'xs' || error.field === 'ys',
  );
}

/** A paste problem in words; `list`: the cells are values of a labelled list (`x: 1, 2, 3`). */
export function pasteProblemText(t: Translate, problem: PasteProblem, list = false): string {
  switch (problem.kind) {
    case 'not-a-number':
      return t(list ? 'data.paste.notANumberInList' : 'data.paste.notANumber', {
        line: problem.line,
        column: problem.column,
        text: problem.text,
      });
    case 'empty-cell':
      return t(list ? 'data.paste.emptyInList' : 'data.paste.emptyCell', {
        line: problem.line,
        column: problem.column,
      });
    case 'cell-count':
      return t('data.paste.cellCount', {
        line: problem.line,
        count: problem.count,
        first: problem.first,
        expected: problem.expected,
      });
    case 'length-mismatch':
      return t('data.paste.lengthMismatch', { xCount: problem.xCount, yCount: problem.yCount });
    case 'missing-column':
      return t('data.paste.missingColumn', { column: problem.column });
    case 'one-column':
      return t('data.paste.oneColumn');
  }
}
