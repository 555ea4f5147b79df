// "Did you mean" for a missing file: a typo or a wrong folder is named, an unrelated file is not.
import { describe, expect, it } from 'vitest';
import { closestPath } from '../../src/model/closest.js';

const KNOWN = ['docs/runbooks/payments-deploy.md', 'docs/runbooks/search.md', 'deploy/payments.yaml', 'README.md'];

describe('closestPath', () => {
  it('names a file a letter or two off', () => {
    expect(closestPath('docs/runbooks/payment-deploy.md', KNOWN)).toBe('docs/runbooks/payments-deploy.md');
    expect(closestPath('docs/runbook/serach.md', KNOWN)).toBe('docs/runbooks/search.md');
  });

  it('names the file a link made relative to the wrong folder', () => {
    expect(closestPath('runbooks/search.md', KNOWN)).toBe('docs/runbooks/search.md');
    expect(closestPath('ops/docs/runbooks/search.md', KNOWN)).toBe('docs/runbooks/search.md');
  });

  it('names nothing unrelated, nothing of another extension, and not the path itself', () => {
    expect(closestPath('docs/runbooks/billing-rollback.md', KNOWN)).toBeUndefined();
    expect(closestPath('deploy/payments.md', KNOWN)).toBeUndefined();
    expect(closestPath('docs/runbooks/search.md', ['docs/runbooks/search.md'])).toBeUndefined();
    expect(closestPath('a.md', [])).toBeUndefined();
  });

  it('prefers the nearest of several', () => {
    expect(closestPath('docs/runbooks/payments-deplo.md', ['docs/runbooks/payments-dep.md', ...KNOWN])).toBe(
      'docs/runbooks/payments-deploy.md',
    );
  });
});
