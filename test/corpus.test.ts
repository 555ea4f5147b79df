// Robustness on real documents: every runbook, pull-request template and KEP in
// ../shared/corpus goes through the engine. The rules are not tuned to pass
// these files; what is checked is that nothing throws and every finding points
// at a real line of its file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { runbooks } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { check } from '../src/engine.js';
import { formatMarkdown } from '../src/report/markdown.js';
import { ROOT } from './helpers.js';

const CORPUS = path.resolve(ROOT, '../shared/corpus');
const config = loadConfig(undefined, 'x.yml');

describe.skipIf(!existsSync(CORPUS))('the corpus of real documents', () => {
  it('checks every file without an error, with findings on real lines', async () => {
    const files = (await glob('**/*.md', { cwd: CORPUS })).sort();
    expect(files.length).toBeGreaterThan(900);
    let findings = 0;
    for (const file of files) {
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      const lines = text.split('\n').length;
      const report = check({ description: text, files: runbooks([{ path: file, text }]), config });
      for (const f of report.findings) {
        expect(f.line, `${file}: ${f.ruleId}`).toBeGreaterThanOrEqual(1);
        expect(f.line, `${file}: ${f.ruleId}`).toBeLessThanOrEqual(lines);
      }
      findings += report.findings.length;
      expect(formatMarkdown(report, { title: 't', limit: { max: 65_536, unit: 'utf16' } }).length).toBeLessThanOrEqual(
        65_536,
      );
    }
    expect(findings).toBeGreaterThan(files.length);
  }, 120_000);
});
