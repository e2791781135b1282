import type { ValidationError } from '../core';
import type { Translate } from './index';

/** A validation error in the current language, built from its code rather than its English text. */
export function validationMessage(t: Translate, error: ValidationError): string {
  const field = t(`field.${error.field}`);
  const point = error.index === undefined ? field : `${field} #${error.index + 1}`;
  return t(`validation.${error.code}`, {
    field: point,
    limit: error.limit ?? '',
    min: error.range?.min ?? '',
    max: error.range?.max ?? '',
    interval: error.interval ?? '',
  });
}
