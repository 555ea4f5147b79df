import { describe, expect, it } from 'vitest';
import { fixture, onDescription } from '../helpers.js';

describe('ops-checklist', () => {
  it('passes when every sign-off and runbook box is ticked', () => {
    expect(onDescription('ops-checklist', fixture('pull-requests/ops-review-ready.md'))).toEqual([]);
  });

  it('reports each unticked box at its line', () => {
    expect(onDescription('ops-checklist', fixture('pull-requests/ops-review-template.md'))).toEqual([
      '31:1 "Rollback procedure documented" in "Runbook Items" is not ticked. The review is complete only when every box is.',
      '35:1 "Rollback plan defined" in "DevOps Sign-off" is not ticked. The review is complete only when every box is.',
    ]);
  });

  it('reports missing sign-off and runbook sections', () => {
    expect(
      onDescription('ops-checklist', '## Operations Review\n### Recommendation\n- [x] **Production ready**\n'),
    ).toEqual([
      '1:1 The Operations Review has no "DevOps Sign-off" section. Add it from the template and tick its boxes.',
      '1:1 The Operations Review has no "Runbook Items" section. Add it from the template and tick its boxes.',
    ]);
  });
});
