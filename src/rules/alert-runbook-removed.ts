/**
 * `alert-runbook-removed`: no alert links a runbook the pull request
 * removes or renames. The alert's file may be one nobody touched: the run
 * looks for the files that mention the runbook (code search in the action,
 * `git grep` in the CLI) and reads them, so a rename is traced back to every
 * alert that still pages on-call with the old link.
 */
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';
import { whereItWent } from '../model/removed.js';
import { runbookOf } from './alert-common.js';
import { defineRule } from './rule.js';

const URLS = 'alerts:\n  runbook-urls:\n    - prefix: https://runbooks.example.com/\n      path: docs/runbooks/\n';
const RULES = (url: string) =>
  `groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n        annotations:\n          runbook_url: ${url}\n`;

const messages = {
  removed:
    'Alert "{{alert}}" links {{path}}, which this pull request {{what}}: when it fires, on-call gets a dead link. {{instead}}.',
};
const say = sayer(messages);

export const alertRunbookRemoved = defineRule({
  id: 'alert-runbook-removed',
  kind: 'manifest',
  title: 'No alert links a runbook the pull request removes',
  description:
    'an alert, in any file, whose runbook URL resolves to a runbook the pull request removes or renames (judged where the changed files are known)',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'a runbook renamed while an alert in another file still links its old name',
      path: 'monitoring/payments.rules.yml',
      config: URLS,
      files: { 'docs/runbooks/payments-unavailable.md': '# Payments unavailable\n' },
      pullRequest: {
        changedFiles: {
          files: [{ path: 'docs/runbooks/payments-unavailable.md', previous: 'docs/runbooks/PaymentsDown.md' }],
          truncated: false,
          total: 1,
        },
      },
      text: RULES('https://runbooks.example.com/PaymentsDown'),
      findings: [
        {
          at: '7:24',
          id: 'removed',
          data: {
            alert: 'PaymentsDown',
            path: 'docs/runbooks/PaymentsDown.md',
            what: 'renames to docs/runbooks/payments-unavailable.md',
            instead: 'Link docs/runbooks/payments-unavailable.md',
          },
        },
      ],
    },
    {
      name: 'a runbook removed; the alert that linked it was moved to another runbook in the same change',
      path: 'monitoring/payments.rules.yml',
      config: URLS,
      files: { 'docs/runbooks/payments.md': '# Payments\n' },
      pullRequest: {
        changedFiles: {
          files: [{ path: 'docs/runbooks/payments-down.md', removed: true }, { path: 'monitoring/payments.rules.yml' }],
          truncated: false,
          total: 2,
        },
      },
      text: RULES('https://runbooks.example.com/payments'),
      findings: [],
    },
  ],
  check(ctx) {
    const { alerts } = ctx.file;
    const { removed } = ctx;
    if (!alerts || !removed || removed.size === 0) return undefined;
    const out: RawFinding[] = [];
    for (const alert of alerts) {
      const found = runbookOf(alert, ctx);
      if (typeof found === 'string' || found.target.kind !== 'file') continue;
      const gone = removed.get(found.target.path.toLowerCase());
      if (!gone) continue;
      out.push({
        message: say('removed', { alert: alert.name, path: gone.path, ...whereItWent(gone) }),
        line: found.url.line,
        column: found.url.column,
      });
    }
    return out;
  },
});
