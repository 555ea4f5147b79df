import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { fixture, onDescription } from '../helpers.js';

describe('ops-status-warning', () => {
  it('passes all-✅ tables', () => {
    expect(onDescription('ops-status-warning', fixture('pull-requests/ops-review-ready.md'))).toEqual([]);
  });

  it('warns on ⚠️ rows', () => {
    expect(onDescription('ops-status-warning', fixture('pull-requests/ops-review-template.md'))).toEqual([
      '8:1 "Config management" in "Deployment Assessment" is ⚠️. Resolve it or explain in Notes why it is acceptable.',
    ]);
  });

  it('is a warning: the gate passes unless strict', () => {
    const text = '## Operations Review\n### Deployment Assessment\n| Aspect | Status |\n|---|---|\n| Config | ⚠️ |\n';
    const lenient = loadConfig('extends: none\nrules:\n  ops-status-warning: warning\n', 'c.yml');
    const strict = loadConfig('extends: none\nstrict: true\nrules:\n  ops-status-warning: warning\n', 'c.yml');
    const a = check({ description: text, files: [], config: lenient });
    const b = check({ description: text, files: [], config: strict });
    expect([a.warnings, a.conclusion]).toEqual([1, 'success']);
    expect([b.warnings, b.conclusion]).toEqual([1, 'failure']);
  });
});
