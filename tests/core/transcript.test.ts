import { describe, expect, it } from 'vitest';
import { lectureConfig, OVERFLOW_ERROR_LINE, pythonTranscript, scriptTranscript } from '../../src/core';
import { lectureTranscript } from './helpers/fixtures';

describe('pythonTranscript reproduces the lecture', () => {
  it('prints gradient_descent.py line for line', () => {
    const expected = lectureTranscript('gradient_descent').split('\n');
    const actual = pythonTranscript(lectureConfig('gd')).split('\n');
    expect(actual).toHaveLength(102);
    actual.forEach((line, i) => expect(line, `line ${i + 1}`).toBe(expected[i]));
  });

  it('prints stochastic_gradient_descent.py line for line', () => {
    const expected = lectureTranscript('stochastic_gradient_descent').split('\n');
    const actual = pythonTranscript(lectureConfig('sgd')).split('\n');
    expect(actual).toHaveLength(402);
    actual.forEach((line, i) => expect(line, `line ${i + 1}`).toBe(expected[i]));
  });

  it('prints the before/after predictions as the lecture does', () => {
    const gd = pythonTranscript(lectureConfig('gd')).split('\n');
    expect(gd[0]).toBe('predict (before training) 4 4.0');
    expect(gd.at(-1)).toBe('predict (after training) 4 7.999777758621207');
  });

  it('prints a fractional predict_x as a float and 0 epochs as the two predictions only', () => {
    const text = pythonTranscript({ ...lectureConfig('gd'), epochs: 0, predictX: 2.5 });
    expect(text).toBe('predict (before training) 2.5 2.5\npredict (after training) 2.5 2.5');
  });
});

describe('scriptTranscript: what the lecture’s script writes, OverflowError included', () => {
  it('is the lecture’s two outputs, unchanged', () => {
    expect(scriptTranscript(lectureConfig('gd'))).toBe(lectureTranscript('gradient_descent'));
    expect(scriptTranscript(lectureConfig('sgd'))).toBe(lectureTranscript('stochastic_gradient_descent'));
  });

  it('ends GD at lr 1 with epoch 166, whose cost is taken before its update, then the error', () => {
    const lines = scriptTranscript({ ...lectureConfig('gd'), lr: 1, epochs: 300 }).split('\n');
    expect(lines.slice(-3)).toEqual([
      'epoch: 165 w= -7.176507715393806e+152 loss= 3.4609520728679797e+304',
      'epoch: 166 w= 5.980423096161505e+153 loss= 2.4034389394916522e+306',
      OVERFLOW_ERROR_LINE,
    ]);
  });

  it('ends SGD at lr 1 with the grad line whose loss overflows, then the error', () => {
    const lines = scriptTranscript({ ...lectureConfig('sgd'), lr: 1, epochs: 300 }).split('\n');
    expect(lines.slice(-3)).toEqual([
      '\tgrad: 1.0 2.0 -7.789420311904719e+153',
      '\tgrad: 2.0 4.0 3.1157681247618875e+154',
      OVERFLOW_ERROR_LINE,
    ]);
  });

  it('writes only the before-training line and the error when the first cost overflows', () => {
    const config = { ...lectureConfig('gd'), xs: [1e150], ys: [0], w0: 1e150, epochs: 3 };
    expect(scriptTranscript(config)).toBe(`predict (before training) 4 4e+150\n${OVERFLOW_ERROR_LINE}`);
  });
});
