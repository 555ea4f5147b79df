import { describe, expect, it } from 'vitest';
import { fixture, onDescription } from '../helpers.js';

describe('ops-status-failed', () => {
  it('passes all-✅ tables', () => {
    expect(onDescription('ops-status-failed', fixture('pull-requests/ops-review-ready.md'))).toEqual([]);
  });

  it('names the row with ❌, not the template choices', () => {
    expect(onDescription('ops-status-failed', fixture('pull-requests/ops-review-template.md'))).toEqual([
      '7:1 "Rollback plan" in "Deployment Assessment" is ❌. Fix it and set the status to ✅.',
    ]);
  });

  it('reads the Monitoring Checklist too, and no table outside the review', () => {
    const text =
      '| Item | Status |\n|---|---|\n| Outside | ❌ |\n\n## Operations Review\n### Monitoring Checklist\n| Item | Status | Details |\n|---|---|---|\n| Alerts configured | ❌ | none |\n';
    expect(onDescription('ops-status-failed', text)).toEqual([
      '9:1 "Alerts configured" in "Monitoring Checklist" is ❌. Fix it and set the status to ✅.',
    ]);
  });
});
