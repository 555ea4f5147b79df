// A fault in the gate on one document (a rule or a parser that throws) fails that document with a
// finding that says so, and the rest is still checked: never a crash with no verdict.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { KINDS } from '../../src/kinds/index.js';
import { RULES } from '../../src/rules/index.js';
import { loadGrammars } from '../helpers.js';

// check() is synchronous: the parsers a kind loads on demand (a Dockerfile's) are loaded first.
await loadGrammars();

const config = loadConfig(undefined, 'x.yml');
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 80}]\n';

afterEach(() => vi.restoreAllMocks());

describe('a fault in the gate', () => {
  it('in a rule: that rule fails the document, the other rules and documents are still checked', () => {
    const rule = RULES.find((r) => r.id === 'manifest-resources')!;
    vi.spyOn(rule, 'check').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const report = check({
      files: [
        { path: 'deploy/api.yaml', kind: 'manifest', text: DEPLOYMENT },
        { path: 'Dockerfile', kind: 'dockerfile', text: 'FROM x\nCMD node a.js\n' },
      ],
      config,
    });
    expect(report.conclusion).toBe('failure');
    expect(report.findings.map((f) => `${f.source} ${f.ruleId} ${f.severity}`)).toEqual([
      'deploy/api.yaml gate-fault error',
      'deploy/api.yaml manifest-readiness-probe warning',
      'deploy/api.yaml manifest-liveness-probe notice',
      'Dockerfile dockerfile-exec-form warning',
    ]);
    expect(report.findings[0]!.message).toBe(
      "The gate failed while checking manifest-resources (Cannot read properties of undefined (reading 'x')). This is a fault in readiness-gate, not in the document: please report it with the file. The gate fails until it can check it.",
    );
  });

  it('in a parser: the document fails, the description is still checked', () => {
    vi.spyOn(KINDS.dockerfile, 'parse').mockImplementation(() => {
      throw new Error('unexpected');
    });
    const report = check({
      description: '## Summary\n',
      files: [{ path: 'Dockerfile', kind: 'dockerfile', text: 'FROM x\n' }],
      config,
    });
    expect(report.sources).toEqual(['pull-request', 'Dockerfile']);
    expect(report.findings.find((f) => f.source === 'Dockerfile')).toMatchObject({
      ruleId: 'gate-fault',
      message: expect.stringContaining('while parsing it (unexpected)'),
    });
    expect(report.findings.some((f) => f.source === 'pull-request' && f.ruleId === 'section-required')).toBe(true);
  });
});
