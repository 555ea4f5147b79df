import { describe, expect, it } from 'vitest';
import { fixture, onDescription } from '../helpers.js';

const review = (choices: string) => `## Operations Review: X\n### Recommendation\n${choices}`;

describe('ops-recommendation', () => {
  it('passes "Production ready"', () => {
    expect(onDescription('ops-recommendation', fixture('pull-requests/ops-review-ready.md'))).toEqual([]);
  });

  it('fails any other recommendation, naming it', () => {
    expect(onDescription('ops-recommendation', fixture('pull-requests/ops-review-template.md'))).toEqual([
      `39:1 The Operations Review recommends "Needs operational improvements". Resolve the review's points, then tick only "Production ready".`,
    ]);
  });

  it('wants exactly one ticked', () => {
    expect(
      onDescription('ops-recommendation', review('- [ ] **Production ready**\n- [ ] **Not ready for production**\n')),
    ).toEqual(['2:1 No Recommendation is ticked. Tick exactly one; the gate passes on "Production ready".']);
    expect(
      onDescription('ops-recommendation', review('- [x] **Production ready**\n- [x] **Not ready for production**\n')),
    ).toEqual(['4:1 2 Recommendations are ticked. Tick exactly one.']);
  });

  it('fails "Not ready for production" even though it contains "ready"', () => {
    expect(
      onDescription('ops-recommendation', review('- [ ] **Production ready**\n- [x] **Not ready for production**\n')),
    ).toHaveLength(1);
  });

  it('reports a review without a Recommendation section, and ignores descriptions without a review', () => {
    expect(onDescription('ops-recommendation', '## Operations Review\n### Resource Estimates\n')).toEqual([
      '1:1 The Operations Review has no "Recommendation" section. Add it with "- [x] **Production ready**".',
    ]);
    expect(onDescription('ops-recommendation', '## Summary\n### Recommendation\n- [ ] **Production ready**\n')).toEqual(
      [],
    );
  });
});
