import { describe, expect, it } from 'vitest';
import { fixture, onDescription } from '../helpers.js';

describe('ops-status-unfilled', () => {
  it('passes filled tables', () => {
    expect(onDescription('ops-status-unfilled', fixture('pull-requests/ops-review-ready.md'))).toEqual([]);
  });

  it("reports the template's choices, empty statuses and unfilled risk levels", () => {
    expect(onDescription('ops-status-unfilled', fixture('pull-requests/ops-review-template.md'))).toEqual([
      `6:1 "Zero-downtime" in "Deployment Assessment" still has the template's status "✅/⚠️/❌". Pick one.`,
      '9:1 "DB migrations" in "Deployment Assessment" has no status. Set ✅, ⚠️ or ❌.',
      `14:1 "Key metrics defined" in "Monitoring Checklist" still has the template's status "✅/❌". Pick one.`,
      `26:1 "[desc]" in "Operational Risks" still has the template's impact "High/Med/Low". Pick High, Med or Low.`,
      `26:1 "[desc]" in "Operational Risks" still has the template's likelihood "High/Med/Low". Pick High, Med or Low.`,
    ]);
  });
});
