import { describe, expect, it } from 'vitest';
import { example, fixture, onRunbook } from '../helpers.js';

describe('runbook-section', () => {
  it('passes a runbook with every template section', () => {
    expect(onRunbook('runbook-section', example('runbooks/deploy-payments.md'))).toEqual([]);
  });

  it('names each missing section', () => {
    expect(onRunbook('runbook-section', fixture('runbooks/missing-sections.md'))).toEqual([
      '1:1 Missing section "Pre-Deployment Checklist". Add a "## Pre-Deployment Checklist" heading (see the runbook template).',
      '1:1 Missing section "Rollback Procedure". Add a "## Rollback Procedure" heading (see the runbook template).',
    ]);
  });

  it('takes sections added in the config', () => {
    const yaml = 'runbooks:\n  sections:\n    - name: Escalation\n      aliases: [Contacts]\n';
    expect(onRunbook('runbook-section', example('runbooks/deploy-payments.md'), yaml)).toEqual([
      '1:1 Missing section "Escalation". Add a "## Escalation" heading (see the runbook template).',
    ]);
    expect(
      onRunbook('runbook-section', `${example('runbooks/deploy-payments.md')}\n## Contacts\n- payments-oncall\n`, yaml),
    ).toEqual([]);
  });
});
