import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lectureConfig, pythonTranscript } from '../../src/core';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/${name}.out.txt`, import.meta.url), 'utf8').replace(/\n$/, '');

describe('pythonTranscript reproduces the lecture', () => {
  it('prints gradient_descent.py line for line', () => {
    const expected = fixture('gradient_descent').split('\n');
    const actual = pythonTranscript(lectureConfig('gd')).split('\n');
    expect(actual).toHaveLength(102);
    actual.forEach((line, i) => expect(line, `line ${i + 1}`).toBe(expected[i]));
  });

  it('prints stochastic_gradient_descent.py line for line', () => {
    const expected = fixture('stochastic_gradient_descent').split('\n');
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
