/**
 * `service-approval`: a service of a tier `services.owner-approval` names,
 * that the pull request changes, has an approving review by its owning
 * team, the CODEOWNERS team of its files, counted as sign-off counts
 * approvals: on the current head (unless sign-off's `allow-stale-approval`),
 * not dismissed or superseded, never the author's. The CLI reads no reviews:
 * it says what is owed, as a notice.
 */
import { reviewersKey } from '../model/conditions.js';
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import type { Authority } from '../model/reviews.js';
import { countedApprovals } from '../signoff/evaluate.js';
import { defineRule } from './rule.js';

const HEAD = 'c0ffee0000000000000000000000000000000001';
const OWED = {
  service: 'payments',
  tier: '1',
  teams: ['acme/payments-team'],
  source: { path: '.github/CODEOWNERS', line: 3 },
};
const facts = (approvers: string[]) => ({
  owners: {
    owed: [OWED],
    facts: {
      reviews: approvers.map((login) => ({
        login,
        state: 'APPROVED',
        commitId: HEAD,
        submittedAt: '2026-11-03T09:00:00Z',
        body: '',
      })),
      author: 'octocat',
      headSha: HEAD,
      allowStaleApproval: false,
      authority: new Map([
        [
          reviewersKey(['acme/payments-team']),
          new Map<string, Authority>([
            ['alice', { kind: 'yes', via: 'team' }],
            ['mallory', { kind: 'no' }],
          ]),
        ],
      ]),
    },
  },
});

const messages = {
  missing:
    'Service "{{service}}" (tier {{tier}}) changes, and its tier owes an approving review by its owning team ({{teams}}, {{where}}) on {{head}}; it has none.{{why}} Ask the team for a review.',
  unevaluated:
    'Service "{{service}}" (tier {{tier}}) changes, and its tier owes an approving review by its owning team ({{teams}}, {{where}}): only the action reads reviews, so it is not checked here.',
};
const say = sayer(messages);

export const serviceApproval = defineRule({
  id: 'service-approval',
  kind: 'pull-request',
  title: 'Every changed service of a tier that asks it is approved by its owning team',
  description:
    'a changed service of a tier `services.owner-approval` names has an approving review by its CODEOWNERS team, on the head (action only)',
  defaultSeverity: { devops: 'error', none: 'error' },
  messages,
  examples: [
    {
      name: 'approved only by someone outside the owning team',
      text: '## Summary\n',
      pullRequest: facts(['mallory']),
      findings: [
        {
          at: '1:1',
          id: 'missing',
          data: {
            service: 'payments',
            tier: '1',
            teams: 'the acme/payments-team team',
            where: '.github/CODEOWNERS:3',
            head: 'c0ffee0',
            why: ' Not counted: @mallory approved but is not an authorised reviewer.',
          },
        },
      ],
    },
    {
      name: 'approved by a member of the owning team',
      text: '## Summary\n',
      pullRequest: facts(['alice']),
      findings: [],
    },
  ],
  check({ pullRequest }) {
    const owners = pullRequest.owners;
    if (!owners || owners.owed.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const owed of owners.owed) {
      const data = {
        service: owed.service,
        tier: owed.tier,
        teams: owed.teams.map((t) => `the ${t} team`).join(', '),
        where: `${owed.source.path}:${owed.source.line}`,
      };
      if (!owners.facts) {
        out.push({ message: say('unevaluated', data), line: 1, column: 1, severity: 'notice' });
        continue;
      }
      const { approvals, reasons } = countedApprovals({
        ...owners.facts,
        authority: owners.facts.authority.get(reviewersKey(owed.teams)) ?? new Map(),
      });
      if (approvals.length > 0) continue;
      const why = reasons.length > 0 ? ` Not counted: ${reasons.join('; ')}.` : '';
      out.push({
        message: say('missing', { ...data, head: owners.facts.headSha.slice(0, 7), why }),
        line: 1,
        column: 1,
      });
    }
    return out;
  },
});
