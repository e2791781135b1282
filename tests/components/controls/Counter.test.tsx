import { describe, expect, it } from 'vitest';
import { Counter, splitAtPlaceholder } from '../../../src/components/controls/Counter';
import { translator } from '../../../src/i18n';
import { selectEpoch } from '../../../src/store/selectors';
import { fresh } from '../../store/helpers';
import { renderWithStore } from '../helpers/render';

describe('Counter', () => {
  it('follows the store by itself, in a box that holds the digits it will reach, without rendering', () => {
    const store = fresh({ epochs: 12_345 });
    let renders = 0;
    const count = () => {
      renders += 1;
      return <Counter select={selectEpoch} upTo={12_345} />;
    };
    const Counted = () => count();
    const { container } = renderWithStore(<Counted />, store);
    const box = container.querySelector('.counter') as HTMLElement;
    expect(box).toHaveTextContent(/^0$/);
    expect(box.style.getPropertyValue('--counter-digits')).toBe('1');
    // Room for 12345 from the start: the words beside it do not move as the digits come.
    expect(box.style.getPropertyValue('--counter-reserve')).toBe('5');
    const rendered = renders;
    store.getState().actions.step();
    expect(box).toHaveTextContent(/^1$/);
    store.getState().actions.runToEnd();
    expect(box).toHaveTextContent(/^12345$/);
    expect(box.style.getPropertyValue('--counter-digits')).toBe('5');
    store.getState().actions.reset();
    expect(box).toHaveTextContent(/^0$/);
    expect(box.style.getPropertyValue('--counter-digits')).toBe('1');
    expect(renders).toBe(rendered);
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
