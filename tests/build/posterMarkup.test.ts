import { describe, expect, it } from 'vitest';
import {
  declarationsOf,
  posterStyleSheet,
  withPoster,
  type FirstScreenCapture,
} from '../../build/posterMarkup';

describe('declarationsOf', () => {
  it('splits a style attribute’s text at the semicolons between declarations', () => {
    expect(declarationsOf('left: 4px; --lane: 0;')).toEqual(['left: 4px', '--lane: 0']);
    expect(declarationsOf('  ')).toEqual([]);
  });

  it('keeps the semicolons and colons inside parentheses and quotes', () => {
    expect(
      declarationsOf('background: var(--chart-tangent, #16a34a); content: "a;b"; --x: url(a;b)'),
    ).toEqual(['background: var(--chart-tangent, #16a34a)', 'content: "a;b"', '--x: url(a;b)']);
    expect(declarationsOf(`content: 'it\\'s;'; color: red`)).toEqual([`content: 'it\\'s;'`, 'color: red']);
  });
});

describe('posterStyleSheet', () => {
  const capture: FirstScreenCapture = {
    markup: '',
    styles: ['--landscape-plot-height: 328px; --loss-plot-height: 408px;', 'background: var(--gd, #2563eb);'],
    sheets: ':root{--gd:#2563eb;}',
    height: 2400.4,
  };

  it('makes each captured style a rule on its index that outranks the app’s rules, as inline styles do', () => {
    expect(posterStyleSheet(capture, 'data-poster').split('\n')).toEqual([
      '[data-poster-style="0"]{--landscape-plot-height: 328px !important;--loss-plot-height: 408px !important}',
      '[data-poster-style="1"]{background: var(--gd, #2563eb) !important}',
      ':root{--gd:#2563eb;}',
      '[data-poster]{min-height:2401px}',
      '',
    ]);
  });

  it('has no empty line for a page without constructed sheets', () => {
    expect(posterStyleSheet({ ...capture, styles: [], sheets: '' }, 'data-poster')).toBe(
      '[data-poster]{min-height:2401px}\n',
    );
  });
});

describe('withPoster', () => {
  const page = [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <script type="module" crossorigin src="./assets/index-1.js"></script>',
    '  </head>',
    '  <body>',
    '    <div id="root"></div>',
    '  </body>',
    '</html>',
  ].join('\n');
  const files = {
    templateId: 'downhill-poster',
    styleHref: './assets/poster-a.css',
    scriptHref: './assets/poster-b.js',
  };

  it('links the style sheet in the head and puts the template and its script after an empty #root', () => {
    const built = withPoster(page, '<div class="app">picture</div>', files);
    expect(built).toBe(
      [
        '<!doctype html>',
        '<html lang="en">',
        '  <head>',
        '    <script type="module" crossorigin src="./assets/index-1.js"></script>',
        '  ',
        '    <link rel="stylesheet" href="./assets/poster-a.css">',
        '  </head>',
        '  <body>',
        '    <div id="root"></div>',
        '    <template id="downhill-poster"><div class="app">picture</div></template>',
        '    <script src="./assets/poster-b.js"></script>',
        '  </body>',
        '</html>',
      ].join('\n'),
    );
  });

  it('refuses a page without exactly one empty #root in its body', () => {
    expect(() => withPoster(page.replace('<div id="root"></div>', ''), 'x', files)).toThrow(
      /one empty <div id="root">/,
    );
    expect(() => withPoster(page.replace('</body>', '<div id="root"></div></body>'), 'x', files)).toThrow(
      /one empty <div id="root">/,
    );
    expect(() => withPoster('<div id="root"></div><head></head>', 'x', files)).toThrow(
      /one empty <div id="root">/,
    );
  });
});
