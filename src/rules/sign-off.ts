/**
 * `sign-off`: with `sign-off` configured, only an authorised reviewer who is
 * not the author can make the gate pass: an approval on the current head,
 * and the reviewer-owned sections satisfied by a reviewer (see
 * `signoff/evaluate.ts`). The action reads reviews, comments and the
 * description's history beforehand; without them (the CLI) the rule does
 * not apply.
 */
import { evaluateSignOff, SIGN_OFF_MESSAGES } from '../signoff/evaluate.js';
import { defineRule } from './rule.js';
import type { ReviewFacts } from '../model/reviews.js';

const HEAD = 'c0ffee0000000000000000000000000000000001';
const OWNED =
  '## Operations Review\n### DevOps Sign-off\n- [x] Deployment strategy clear\n- [x] Rollback plan defined\n- [x] Monitoring requirements identified\n- [x] Resource limits set\n### Recommendation\n- [x] **Production ready**\n';
const CONFIG = 'sign-off:\n  reviewers: [sre-lead]\n';

function facts(overrides: Partial<ReviewFacts>): ReviewFacts {
  return {
    author: 'octocat',
    headSha: HEAD,
    createdAt: '2026-11-02T10:00:00Z',
    reviews: [],
    comments: [],
    revisions: [],
    historyComplete: true,
    authority: new Map(),
    ...overrides,
  };
}

export const signOff = defineRule({
  id: 'sign-off',
  kind: 'pull-request',
  title: 'An authorised reviewer signed off',
  description:
    'with `sign-off` configured: an authorised reviewer approved the head and satisfied the reviewer-owned sections (action only)',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages: SIGN_OFF_MESSAGES,
  examples: [
    {
      name: 'the author ticked the reviewer’s boxes, and nobody approved',
      text: OWNED,
      config: CONFIG,
      reviews: facts({}),
      findings: [
        { at: '1:1', id: 'noApproval', data: { head: 'c0ffee0', why: '', who: '@sre-lead' } },
        {
          at: '3:1',
          id: 'tickedByOther',
          data: { box: 'Deployment strategy clear', login: 'octocat', why: 'who is not an authorised reviewer' },
        },
        {
          at: '4:1',
          id: 'tickedByOther',
          data: { box: 'Rollback plan defined', login: 'octocat', why: 'who is not an authorised reviewer' },
        },
        {
          at: '5:1',
          id: 'tickedByOther',
          data: {
            box: 'Monitoring requirements identified',
            login: 'octocat',
            why: 'who is not an authorised reviewer',
          },
        },
        {
          at: '6:1',
          id: 'tickedByOther',
          data: { box: 'Resource limits set', login: 'octocat', why: 'who is not an authorised reviewer' },
        },
        {
          at: '8:1',
          id: 'tickedByOther',
          data: { box: 'Production ready', login: 'octocat', why: 'who is not an authorised reviewer' },
        },
      ],
    },
    {
      name: 'the reviewer approved the head and posted the sign-off in the review',
      text: '## Summary\nAdds a cache.\n',
      config: CONFIG,
      reviews: facts({
        reviews: [
          { login: 'sre-lead', state: 'APPROVED', commitId: HEAD, submittedAt: '2026-11-03T09:00:00Z', body: OWNED },
        ],
        authority: new Map([['sre-lead', { kind: 'yes', via: 'listed' }]]),
      }),
      findings: [],
    },
  ],
  check({ doc, spec, reviews }) {
    if (!spec.signOff || !reviews) return undefined;
    const result = evaluateSignOff({ ...reviews, config: spec.signOff, description: doc });
    return { findings: result.findings, ...(result.signedOff ? { signOff: result.signedOff } : {}) };
  },
});
