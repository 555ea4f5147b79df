// The CLI installs from `npm pack`'s tarball with no runtime dependencies: dist/ is self-contained.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
// @ts-expect-error -- a plain ES module without types: the bench measures the start the same way
import { startupBundle } from '../bench/action.mjs';

describe('the package', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    files: string[];
    bin: Record<string, string>;
  };

  it('has no runtime dependencies: every library is bundled into dist/', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist', 'action.yml']));
  });

  it('ships bundles that import only their own chunks and Node built-ins', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const files = [
      ...readdirSync(path.join(ROOT, 'dist')).map((f) => `dist/${f}`),
      ...readdirSync(path.join(ROOT, 'dist/chunks')).map((f) => `dist/chunks/${f}`),
    ].filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      // Import statements and dynamic imports; a specifier is a path or a package name, never code.
      const specifiers = [...text.matchAll(/(?:\bfrom|\bimport\(?)\s*"([\w@./:-]+)"/g)].map((m) => m[1]!);
      // A specifier built at run time (`${…}` in minified code) names no package.
      const foreign = specifiers.filter(
        (s) => !s.startsWith('./') && !s.startsWith('../') && !builtins.has(s) && !s.includes('${'),
      );
      expect(foreign, file).toEqual([]);
    }
  });

  it('starts the action from a small part of the bundle: the checking code is imported after the first requests', () => {
    // The entry and every chunk it imports statically, as Node loads them before the first line of main.ts runs.
    const loaded = new Set<string>();
    const { bytes } = startupBundle(path.join(ROOT, 'dist/index.js'), loaded);
    // The rules, parsers and reports are 0.8 MB: none of it is loaded at start.
    expect(bytes).toBeLessThan(150_000);
    const all = readdirSync(path.join(ROOT, 'dist/chunks')).filter((f) => f.endsWith('.js'));
    const gate = all.find((f) => f.startsWith('gate-'));
    expect(gate, 'the checking code is a chunk of its own, imported dynamically').toBeDefined();
    expect([...loaded].map((f) => path.basename(f as string))).not.toContain(gate);
  });
});
