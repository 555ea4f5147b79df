import { describe, expect, it } from 'vitest';
import { fixture, onDescription } from '../helpers.js';

const risks = (rows: string) =>
  `## Operations Review\n### Operational Risks\n| Risk | Impact | Likelihood | Mitigation |\n|---|---|---|---|\n${rows}`;

describe('ops-risk-mitigation', () => {
  it('passes a high-impact risk with a mitigation and a low-impact one without', () => {
    expect(onDescription('ops-risk-mitigation', fixture('pull-requests/ops-review-ready.md'))).toEqual([]);
  });

  it('reports a high-impact risk with no mitigation', () => {
    expect(onDescription('ops-risk-mitigation', fixture('pull-requests/ops-review-template.md'))).toEqual([
      '27:1 Risk "Cache stampede" has High impact and no mitigation. Say what reduces or contains it.',
    ]);
  });

  it('treats TBD, none and a bracketed placeholder as no mitigation', () => {
    const found = onDescription(
      'ops-risk-mitigation',
      risks(
        '| A | High | Low | TBD |\n| B | high | Low | [action] |\n| C | HIGH | Low | None |\n| D | High | Low | Feature flag |\n',
      ),
    );
    expect(found.map((f) => f.slice(0, 14))).toEqual(['5:1 Risk "A" h', '6:1 Risk "B" h', '7:1 Risk "C" h']);
  });
});
