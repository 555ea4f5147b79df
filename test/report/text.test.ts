import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { toJson } from '../../src/report/json.js';
import { formatText } from '../../src/report/text.js';
import { example, ROTATE_CERTS_FIRST_FINDING, runbooks } from '../helpers.js';

const report = check({
  description: example('pull-request.md'),
  files: runbooks([
    { path: 'examples/runbooks/deploy-payments.md', text: example('runbooks/deploy-payments.md') },
    { path: 'examples/runbooks/rotate-certs.md', text: example('runbooks/rotate-certs.md') },
  ]),
  config: loadConfig(undefined, 'x.yml'),
});

describe('formatText', () => {
  it('groups by document with file:line:column and ends with the verdict', () => {
    const text = formatText(report, { color: false });
    expect(text).toContain(
      '✔ pull-request\n✔ examples/runbooks/deploy-payments.md\n✖ examples/runbooks/rotate-certs.md\n',
    );
    expect(text).toContain('  examples/runbooks/rotate-certs.md:4:16  error    Template placeholder');
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      'Gate failed: 8 errors, 1 warning in 3 documents.',
      'Config: built-in devops rules.',
    ]);
  });

  it('colours only when asked', () => {
    expect(formatText(report, { color: false })).not.toContain('\u001b[');
    expect(formatText(report, { color: true })).toContain('\u001b[31m');
  });
});

describe('toJson', () => {
  it('has the documented shape', () => {
    const json = toJson(report);
    expect(Object.keys(json)).toEqual([
      'conclusion',
      'errors',
      'warnings',
      'findings',
      'waivers',
      'passed',
      'documents',
      'config',
    ]);
    expect(json.passed.map((p) => p.ruleId)).toContain('runbook-exists');
    expect(json.documents).toEqual([
      { source: 'pull-request', errors: 0, warnings: 0 },
      { source: 'examples/runbooks/deploy-payments.md', errors: 0, warnings: 0 },
      { source: 'examples/runbooks/rotate-certs.md', errors: 8, warnings: 1 },
    ]);
    expect(json.config).toBe('built-in devops rules');
    expect(json.findings[0]).toEqual(ROTATE_CERTS_FIRST_FINDING);
    expect([json.conclusion, json.errors, json.warnings]).toEqual(['failure', 8, 1]);
  });
});
