import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Counter, splitAtPlaceholder } from '../../../src/components/controls/Counter';
import { translator } from '../../../src/i18n';

describe('Counter', () => {
  it('prints the number in a box as wide as its digits', () => {
    const { container, rerender } = render(<Counter value={7} />);
    const box = container.querySelector('.counter') as HTMLElement;
    expect(box).toHaveTextContent(/^7$/);
    expect(box.style.getPropertyValue('--counter-digits')).toBe('1');
    rerender(<Counter value={100000} />);
    expect(box).toHaveTextContent(/^100000$/);
    expect(box.style.getPropertyValue('--counter-digits')).toBe('6');
  });
});

describe('splitAtPlaceholder', () => {
  it('cuts a message where its number goes, in either language', () => {
    const en = translator('en');
    const zh = translator('zh-CN');
    expect(splitAtPlaceholder((epoch) => en('controls.clock', { epoch, total: 100 }))).toEqual([
      'Epoch ',
      ' of 100',
    ]);
    expect(splitAtPlaceholder((epoch) => zh('controls.clock', { epoch, total: 100 }))).toEqual([
      '第 ',
      ' / 100 个 epoch',
    ]);
  });

  it('keeps the whole message before the number when it has no place for one', () => {
    expect(splitAtPlaceholder(() => 'no number')).toEqual(['no number', '']);
  });
});
