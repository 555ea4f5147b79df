/**
 * `when-approvals`: a pull request that matches a `when` entry with
 * `require.approvals` has that many distinct approvals by its `reviewers`,
 * counted as sign-off counts them: on the current head (unless sign-off's
 * `allow-stale-approval`), not dismissed or superseded, never the author's.
 * The CLI has no reviews: it reports such entries as not evaluated.
 */
import { matchedEntries, reviewersKey } from '../model/conditions.js';
import type { RawFinding } from '../model/finding.js';
import { countedApprovals } from '../signoff/evaluate.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';
import type { Authority } from '../model/reviews.js';

const HEAD = 'c0ffee0000000000000000000000000000000001';
const CONFIG =
  'when:\n  - name: High risk\n    labels: [high-risk]\n    require: {approvals: 2, reviewers: [alice, bob]}\n';
const approve = (login: string) => ({
  login,
  state: 'APPROVED',
  commitId: HEAD,
  submittedAt: '2026-11-03T09:00:00Z',
  body: '',
});
const facts = (logins: string[]) => ({
  labels: ['high-risk'],
  approvals: {
    reviews: logins.map(approve),
    author: 'octocat',
    headSha: HEAD,
    allowStaleApproval: false,
    authority: new Map([
      [
        reviewersKey(['alice', 'bob']),
        new Map<string, Authority>([
          ['alice', { kind: 'yes', via: 'listed' }],
          ['bob', { kind: 'yes', via: 'listed' }],
        ]),
      ],
    ]),
  },
});

const messages = {
  approvals:
    '"{{entry}}" matched ({{reasons}}): it needs {{need}} approvals on {{head}} by {{who}}; it has {{count}}{{have}}.{{why}}',
};
const say = sayer(messages);

export const whenApprovals = defineRule({
  id: 'when-approvals',
  kind: 'pull-request',
  title: 'Every matched `when` entry has its approvals',
  description:
    'a matched `when` entry’s `require.approvals` distinct approvals by its `reviewers`, on the head (action only)',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'one approval of two',
      config: CONFIG,
      text: '## Summary\n',
      pullRequest: facts(['alice']),
      findings: [
        {
          at: '1:1',
          id: 'approvals',
          data: {
            entry: 'High risk',
            reasons: 'label: high-risk',
            need: '2',
            head: 'c0ffee0',
            who: '@alice, @bob',
            count: '1',
            have: ' (@alice)',
            why: '',
          },
        },
      ],
    },
    {
      name: 'two distinct approvals',
      config: CONFIG,
      text: '## Summary\n',
      pullRequest: facts(['alice', 'bob']),
      findings: [],
    },
  ],
  check({ spec, pullRequest, when }) {
    if (!spec.when.some((w) => w.require.approvals > 0) || !pullRequest.approvals) return undefined;
    const facts = pullRequest.approvals;
    const out: RawFinding[] = [];
    for (const match of when.matched) {
      const { approvals: need, reviewers } = match.entry.require;
      if (need === 0) continue;
      const { approvals, reasons } = countedApprovals({
        ...facts,
        authority: facts.authority.get(reviewersKey(reviewers)) ?? new Map(),
      });
      if (approvals.length >= need) continue;
      const who = reviewers.map((r) => (r.includes('/') ? `the ${r} team` : `@${r}`)).join(', ');
      const have = approvals.length > 0 ? ` (${approvals.map((a) => `@${a.login}`).join(', ')})` : '';
      const why = reasons.length > 0 ? ` Not counted: ${reasons.join('; ')}.` : '';
      out.push({
        message: say('approvals', {
          entry: match.entry.name,
          reasons: match.reasons.join('; '),
          need,
          head: facts.headSha.slice(0, 7),
          who,
          count: approvals.length,
          have,
          why,
        }),
        line: 1,
        column: 1,
      });
    }
    return { findings: out, matched: matchedEntries(when.matched) };
  },
});
