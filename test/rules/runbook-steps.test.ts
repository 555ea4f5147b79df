import { describe, expect, it } from 'vitest';
import { example, fixture, onRunbook } from '../helpers.js';

describe('runbook-steps', () => {
  it('passes numbered steps', () => {
    expect(onRunbook('runbook-steps', example('runbooks/deploy-payments.md'))).toEqual([]);
  });

  it('reports prose without a step; a code block counts as one', () => {
    expect(onRunbook('runbook-steps', fixture('runbooks/missing-sections.md'))).toEqual([
      '8:1 "Deployment Steps" has no step. Write it as a numbered list, one action per step.',
    ]);
    expect(onRunbook('runbook-steps', fixture('runbooks/rollback-prose.md'))).toEqual([
      '19:1 "Rollback Procedure" has no step. Write it as a numbered list, one action per step.',
    ]);
  });

  it('leaves an empty section to runbook-section-empty', () => {
    expect(onRunbook('runbook-steps', example('runbooks/rotate-certs.md'))).toEqual([]);
  });
});
