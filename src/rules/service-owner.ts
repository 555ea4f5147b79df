/**
 * `service-owner`: a service's files are owned in CODEOWNERS (as GitHub
 * reads it: the first of `.github/`, the root and `docs/`; the last matching
 * line wins; an owner-less line unsets) by a team, not only by
 * individuals. A line GitHub skips (a `!` negation, a `[ ]` range, an owner
 * that is no `@user`, `@org/team` or e-mail) is said where it would have
 * decided; a catalog owner that is not the CODEOWNERS team is a warning.
 */
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { EMPTY_WAIVER, missing, READY_CATALOG, readyFilesWith, readyExample } from './service-common.js';
import { defineRule } from './rule.js';

const messages = {
  missing:
    'Service "{{service}}" has no owning team: {{detail}}. Give its files to a team in CODEOWNERS (`/services/{{service}}/ @org/team`), so changes to it ask that team for review.',
  skipped:
    'CODEOWNERS line {{line}} would own files of service "{{service}}", but GitHub skips it: {{why}}. Rewrite the line.',
  mismatch:
    'Service "{{service}}" is owned by {{catalog}} in the catalog but by {{teams}} in CODEOWNERS: make them the same team, so who is paged is who reviews.',
  emptyWaiver: EMPTY_WAIVER,
};
const say = sayer(messages);

export const serviceOwner = defineRule({
  id: 'service-owner',
  kind: 'service',
  title: 'Every service is owned by a team',
  description: "a service's files are owned by a team in CODEOWNERS (GitHub's semantics), the team the catalog names",
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a service whose files CODEOWNERS gives to no one, past a line GitHub skips',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG,
      files: readyFilesWith({ '.github/CODEOWNERS': '*.md @acme/docs\n!/services/payments/ @acme/payments-team\n' }),
      findings: [
        {
          at: '4:9',
          id: 'missing',
          data: {
            service: 'payments',
            detail: 'services/payments/catalog-info.yaml has no owner in .github/CODEOWNERS',
          },
        },
        {
          at: '4:9',
          id: 'skipped',
          data: { line: 2, service: 'payments', why: 'it negates a pattern with !, which CODEOWNERS does not support' },
        },
      ],
    },
    {
      name: 'a service owned by one person',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG,
      files: readyFilesWith({ '.github/CODEOWNERS': '/services/ @alice\n' }),
      findings: [
        {
          at: '4:9',
          id: 'missing',
          data: {
            service: 'payments',
            detail:
              'services/payments/catalog-info.yaml is owned only by individuals (@alice) in .github/CODEOWNERS: a team is required',
          },
        },
      ],
    },
    {
      name: 'a catalog owner that is not the CODEOWNERS team',
      path: 'services/payments/catalog-info.yaml',
      text: READY_CATALOG,
      files: readyFilesWith({ '.github/CODEOWNERS': '/services/payments/ @acme/platform\n' }),
      findings: [
        {
          at: '4:9',
          id: 'mismatch',
          data: { service: 'payments', catalog: 'group:payments-team', teams: '@acme/platform' },
        },
      ],
    },
    readyExample('the team the catalog names owns the folder'),
  ],
  check(ctx) {
    const out = missing(ctx, 'owner', say);
    if (!out) return undefined;
    const extra: RawFinding[] = ctx.judged.flatMap((s) => [
      ...s.skippedOwners.map((k) => ({
        message: say('skipped', { line: k.line, service: s.name, why: k.why }),
        line: s.home.line,
        column: s.home.column,
        related: { source: s.checks.owner.source?.path ?? '.github/CODEOWNERS', line: k.line },
      })),
      ...(s.ownerMismatch && s.checks.owner.status === 'pass'
        ? [
            {
              message: say('mismatch', {
                service: s.name,
                catalog: s.ownerMismatch.catalog,
                teams: s.ownerMismatch.teams.join(' '),
              }),
              line: s.home.line,
              column: s.home.column,
              severity: 'warning' as const,
              ...(s.checks.owner.source
                ? { related: { source: s.checks.owner.source.path, line: s.checks.owner.source.line } }
                : {}),
            },
          ]
        : []),
    ]);
    return [...out, ...extra];
  },
});
