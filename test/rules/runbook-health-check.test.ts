import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine.js';
import { configFor, example, fixture, onRunbook, runbooks } from '../helpers.js';

describe('runbook-health-check', () => {
  it('passes a Verification with a health check, in text or code', () => {
    expect(onRunbook('runbook-health-check', example('runbooks/deploy-payments.md'))).toEqual([]);
    expect(onRunbook('runbook-health-check', fixture('runbooks/rollback-prose.md'))).toEqual([]);
  });

  it('warns when Verification has none', () => {
    expect(onRunbook('runbook-health-check', example('runbooks/rotate-certs.md'))).toEqual([
      '17:1 "Verification" has no health check. Add one, e.g. "- [ ] Health check: `curl -fsS https://service/health`".',
    ]);
    const report = check({
      files: runbooks([{ path: 'r.md', text: example('runbooks/rotate-certs.md') }]),
      config: configFor('runbook-health-check'),
    });
    expect([report.findings[0]?.severity, report.conclusion]).toEqual(['warning', 'success']);
  });

  it('can be made an error', () => {
    const config = configFor('runbook-health-check', 'rules:\n  runbook-health-check: error\n');
    const report = check({ files: runbooks([{ path: 'r.md', text: example('runbooks/rotate-certs.md') }]), config });
    expect(report.conclusion).toBe('failure');
  });
});
