import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { LiveMessage, LiveNumber, StoreLiveNumber } from '../../../src/components/controls/LiveNumber';
import { pyFloat } from '../../../src/core';
import { selectIsTextFrame, selectOptimizerState, selectStateValue } from '../../../src/store/selectors';
import { translator } from '../../../src/i18n';
import { PlaygroundProvider } from '../../../src/store/context';
import { fresh } from '../../store/helpers';
import { renderWithStore } from '../helpers/render';

const charsOf = (box: Element | null) => (box as HTMLElement).style.getPropertyValue('--live-chars');

describe('LiveNumber', () => {
  it('fits its text at rest, only grows while the runs play, and fits again when they stop', () => {
    const store = fresh();
    const { container, rerender: rerenderBare } = renderWithStore(<LiveNumber text="1.0" />, store);
    const rerender = (ui: ReactNode) =>
      rerenderBare(<PlaygroundProvider store={store}>{ui}</PlaygroundProvider>);
    const box = () => container.querySelector('.live-number');
    expect(box()).toHaveTextContent(/^1\.0$/);
    expect(charsOf(box())).toBe('3');

    act(() => store.getState().actions.play());
    rerender(<LiveNumber text="1.0933333333333333" />);
    expect(charsOf(box())).toBe('18');
    // Shorter digits while playing keep the box: the words after it stay where they are.
    rerender(<LiveNumber text="2.0" />);
    expect(box()).toHaveTextContent(/^2\.0$/);
    expect(charsOf(box())).toBe('18');
    rerender(<LiveNumber text="1.2345678901234567e-05" />);
    expect(charsOf(box())).toBe('22');

    act(() => store.getState().actions.pause());
    expect(charsOf(box())).toBe('22');
    rerender(<LiveNumber text="2.0" />);
    expect(charsOf(box())).toBe('3');
  });
});

describe('StoreLiveNumber', () => {
  it('writes the store’s number as Python prints it, without rendering, in a box that grows only while playing', () => {
    const store = fresh({ third: 'adam', epochs: 2000, speed: 1000 });
    const select = selectStateValue('adam', 'w', 'expAvg');
    let renders = 0;
    const Moment = () => {
      renders += 1;
      return <StoreLiveNumber select={select} />;
    };
    const { container } = renderWithStore(<Moment />, store);
    const box = container.querySelector('.live-number') as HTMLElement;
    const expAvg = () => selectOptimizerState('adam')(store.getState())!.w.expAvg!;
    expect(box).toHaveTextContent(/^0\.0$/);
    expect(charsOf(box)).toBe('3');
    const rendered = renders;

    act(() => store.getState().actions.step());
    expect(box.textContent).toBe(pyFloat(expAvg()));
    expect(charsOf(box)).toBe(String(pyFloat(expAvg()).length));
    act(() => store.getState().actions.play());
    let widest = box.textContent!.length;
    let written = box.textContent;
    let skipped = 0;
    for (let frame = 0; frame < 40; frame++) {
      act(() => store.getState().actions.tick(16));
      // 16 epochs a frame at 60 fps: every other frame writes it (the readout cadence), not the
      // first (the lead frame draws the pictures only).
      if (selectIsTextFrame(store.getState())) written = pyFloat(expAvg());
      else skipped += 1;
      widest = Math.max(widest, box.textContent!.length);
      expect(box.textContent).toBe(written);
      expect(charsOf(box)).toBe(String(widest));
    }
    expect(skipped).toBe(21);
    act(() => store.getState().actions.pause());
    expect(box.textContent).toBe(pyFloat(expAvg()));
    expect(charsOf(box)).toBe(String(box.textContent!.length));
    // Every number above came without a render of the component that holds the box.
    expect(renders).toBe(rendered);
  });
});

describe('LiveMessage', () => {
  it('keeps the words of the translated message and sets each number in its own box, in any order', () => {
    const store = fresh();
    const en = translator('en');
    const zh = translator('zh-CN');
    const { container, rerender: rerenderBare } = renderWithStore(
      <p>
        <LiveMessage
          numbers={['-2.0', '1', '1.0']}
          message={([value, i, w]) => en('landscape.slopeUsed', { value, i, w })}
        />
      </p>,
      store,
    );
    const rerender = (ui: ReactNode) =>
      rerenderBare(<PlaygroundProvider store={store}>{ui}</PlaygroundProvider>);
    const paragraph = container.querySelector('p')!;
    expect(paragraph.textContent).toBe('slope used: -2.0 (loss of sample 1 at w = 1.0)');
    expect([...paragraph.querySelectorAll('.live-number')].map((box) => box.textContent)).toEqual([
      '-2.0',
      '1',
      '1.0',
    ]);
    rerender(
      <p>
        <LiveMessage
          numbers={['-2.0', '1', '1.0']}
          message={([value, i, w]) => zh('landscape.slopeUsed', { value, i, w })}
        />
      </p>,
    );
    expect(paragraph.textContent).toBe(zh('landscape.slopeUsed', { value: '-2.0', i: 1, w: '1.0' }));
    expect(paragraph.querySelectorAll('.live-number')).toHaveLength(3);
  });
});
