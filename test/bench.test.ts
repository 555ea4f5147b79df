// `npm run bench` builds its engine entry from source paths written in bench/run.mjs: a module that
// moves must not leave the bench unable to build. Every path it names exists and exports what it takes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const ENTRY = /export \{ ([^}]+) \} from '(\.\/src\/[^']+\.ts)'/g;

describe('the bench', () => {
  const source = readFileSync(path.join(ROOT, 'bench/run.mjs'), 'utf8');
  const imports = [...source.matchAll(ENTRY)].map(([, names, file]) => ({
    file: file!,
    names: names!.split(',').map((n) => n.trim()),
  }));

  it('names source modules in its entry', () => {
    expect(imports.length).toBeGreaterThan(3);
  });

  it.each(imports.map((i) => [i.file, i] as const))('%s exists and exports what the bench takes', async (_, entry) => {
    const file = path.join(ROOT, entry.file);
    expect(existsSync(file), `${entry.file} is gone: point bench/run.mjs at where it moved`).toBe(true);
    const module = (await import(file)) as Record<string, unknown>;
    for (const name of entry.names) expect(module[name], `${entry.file} exports ${name}`).toBeDefined();
  });
});
