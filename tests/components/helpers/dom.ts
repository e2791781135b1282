/** Finding and reading what a rendered component shows, as a person would: shared by the component tests. */
import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { translator, type MessageKey } from '../../../src/i18n';

export type User = ReturnType<typeof userEvent.setup>;

/** The run panels' names, as their regions are labelled in English. */
export const GD = 'Gradient descent (GD)';
export const SGD = 'Stochastic gradient descent (SGD)';

/** Everything a person or a screen reader could meet: text and attribute values. */
export function allText(container: HTMLElement): string {
  const attributes = [...container.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].map((attribute) => attribute.value),
  );
  return `${container.textContent ?? ''} ${attributes.join(' ')}`;
}

export const region = (name: string) => screen.getByRole('region', { name });
export const button = (name: string) => screen.getByRole('button', { name });
/**
 * A matcher for getByText: the innermost element whose whole text matches `pattern` (a string: is
 * exactly it), however it is split into elements (the clock's number, a readout's live numbers sit
 * in boxes of their own).
 */
export const wholeText = (pattern: RegExp | string) => {
  const matches = (text: string | null) =>
    typeof pattern === 'string' ? text === pattern : pattern.test(text ?? '');
  return (_content: string, element: Element | null): boolean =>
    element !== null &&
    matches(element.textContent) &&
    ![...element.children].some((child) => matches(child.textContent));
};
/** The clock's text, "Epoch k of n" (without the SGD sample part). */
export const clock = () => screen.getByText(wholeText(/^Epoch \d+ of \d+$/));

const t = translator('en');

/** The value of one row of a run's readout, found by its label (ŷ at the lecture's x = 4). */
export function readout(name: string, label: MessageKey): string {
  const term = within(region(name)).getByText(t(label, { x: '4' }), { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

/** Replaces a typed field's text, one keystroke at a time. */
export async function retype(user: User, input: HTMLElement, text: string): Promise<void> {
  await user.clear(input);
  await user.type(input, text);
}
