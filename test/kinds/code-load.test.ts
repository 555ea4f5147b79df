// A grammar that cannot be loaded (a broken install) fails the files of its language with a finding that
// says why; loading never rejects, so the run goes on and publishes its verdict.
import type * as WebTreeSitter from 'web-tree-sitter';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { prepareKinds } from '../../src/kinds/index.js';

vi.mock('web-tree-sitter', async (importOriginal) => {
  const real = await importOriginal<typeof WebTreeSitter>();
  const Language = {
    load: (path: string) =>
      path.endsWith('tree-sitter-go.wasm')
        ? Promise.reject(new Error(`ENOENT: no such file, open '${path}'`))
        : real.Language.load(path),
  };
  return { ...real, Language };
});

describe('a grammar that cannot be loaded', () => {
  it('fails its files closed with the reason, and the other languages are read', async () => {
    const files = [
      { path: 'svc/main.go', kind: 'code' as const, text: 'package main\n' },
      { path: 'svc/app.py', kind: 'code' as const, text: 'import requests\nrequests.get(u)\n' },
    ];
    await expect(prepareKinds(files)).resolves.toBeUndefined();
    const report = check({ files, config: loadConfig(undefined, 'x.yml') });
    expect(report.conclusion).toBe('failure');
    expect(report.findings.map((f) => `${f.source} ${f.ruleId}`)).toEqual([
      'svc/main.go gate-fault',
      'svc/app.py code-network-timeout',
    ]);
    expect(report.findings[0]!.message).toMatch(/the go grammar could not be loaded \(ENOENT: no such file/);
  });
});
