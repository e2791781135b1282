import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { COMPILE_HINT, compileHints, withCompileHint } from '../../build/compileHints';

describe('withCompileHint', () => {
  it('puts V8’s magic comment on the first line, once', () => {
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
    expect(withCompileHint('const a=1;')).toBe('//# allFunctionsCalledOnLoad\nconst a=1;');
    expect(withCompileHint(withCompileHint('const a=1;'))).toBe('//# allFunctionsCalledOnLoad\nconst a=1;');
  });
});

describe('compileHints', () => {
  it('hints every JavaScript chunk of the bundle after the other plugins, and leaves assets alone', () => {
    const plugin = compileHints();
    expect(plugin.apply).toBe('build');
    const hook = plugin.generateBundle as {
      order: string;
      handler: (o: unknown, b: Rolldown.OutputBundle) => void;
    };
    expect(hook.order).toBe('post');
    const bundle = {
      'assets/index.js': { type: 'chunk', code: 'const __vite__mapDeps=0;export{}' },
      'assets/Lazy.js': { type: 'chunk', code: 'export const x=1;' },
      'assets/style.css': { type: 'asset', source: 'body{}' },
    } as unknown as Rolldown.OutputBundle;
    hook.handler({}, bundle);
    expect((bundle['assets/index.js'] as { code: string }).code).toBe(
      '//# allFunctionsCalledOnLoad\nconst __vite__mapDeps=0;export{}',
    );
    expect((bundle['assets/Lazy.js'] as { code: string }).code).toBe(
      '//# allFunctionsCalledOnLoad\nexport const x=1;',
    );
    expect((bundle['assets/style.css'] as { source: string }).source).toBe('body{}');
  });
});
