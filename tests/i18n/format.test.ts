import { describe, expect, it } from 'vitest';
import { format, translator } from '../../src/i18n';

describe('format', () => {
  it('fills placeholders and leaves a missing one visible', () => {
    expect(format('w = {w}, b = {b}', { w: '1.0' })).toBe('w = 1.0, b = {b}');
  });

  it('chooses the English plural form by the number: 1 point, 2 points, 0 points', () => {
    const template = '{count, plural, one {# point} other {# points}} left';
    expect(format(template, { count: 1 })).toBe('1 point left');
    expect(format(template, { count: 2 })).toBe('2 points left');
    expect(format(template, { count: 0 })).toBe('0 points left');
    expect(format('{n, plural, =0 {none} one {one} other {#}}', { n: 0 })).toBe('none');
  });

  it('uses the locale’s own rules: Chinese has one form', () => {
    expect(format('{n, plural, other {# 个点}}', { n: 1 }, 'zh-CN')).toBe('1 个点');
  });

  it('says "1 update", "1 sample" and "1 epoch" in the catalog', () => {
    const t = translator('en');
    expect(t('run.announce', { run: 'GD', epoch: 1, updates: 1, w: '1.0', loss: '—' })).toBe(
      'GD: epoch 1, 1 update, w = 1.0, loss = —.',
    );
    expect(t('run.announce', { run: 'SGD', epoch: 1, updates: 3, w: '1.0', loss: '—' })).toContain(
      '3 updates',
    );
    expect(t('settings.epochsValue', { value: 1 })).toBe('1 epoch');
    expect(t('settings.epochsValue', { value: 100 })).toBe('100 epochs');
    expect(t('run.gd.rule', { n: 1 })).toBe(
      'one update per epoch, gradient of the mean cost over its 1 sample',
    );
    expect(t('run.minibatch.rule', { b: 1, updates: 3 })).toBe(
      'one update per batch of 1 sample, 3 updates per epoch',
    );
    expect(t('controls.speedValue', { value: 1 })).toBe('1 epoch per second');
  });
});
