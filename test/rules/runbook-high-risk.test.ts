import { describe, expect, it } from 'vitest';
import { example, onRunbook } from '../helpers.js';

describe('runbook-high-risk', () => {
  it('does not apply below High risk', () => {
    expect(onRunbook('runbook-high-risk', example('runbooks/deploy-payments.md'))).toEqual([]);
  });

  it('reports each unticked pre-deployment box of a High-risk runbook', () => {
    expect(onRunbook('runbook-high-risk', example('runbooks/rotate-certs.md'))).toEqual([
      '10:1 Risk Level is High and "Rollback plan tested" in "Pre-Deployment Checklist" is not ticked. Do it and tick it, or write "N/A — reason" after it, before deploying.',
      '11:1 Risk Level is High and "Stakeholders notified" in "Pre-Deployment Checklist" is not ticked. Do it and tick it, or write "N/A — reason" after it, before deploying.',
    ]);
  });

  it('passes a High-risk runbook with every box ticked', () => {
    const text = example('runbooks/rotate-certs.md').replace(/- \[ \]/g, '- [x]');
    expect(onRunbook('runbook-high-risk', text)).toEqual([]);
  });
});
