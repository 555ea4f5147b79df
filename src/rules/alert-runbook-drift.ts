/**
 * `alert-runbook-drift`: an alert whose `expr`, `for` or `labels.severity`
 * changed in the pull request comes with a change to its runbook (the role
 * document's "Update runbook with learnings"): what fires it, and how
 * urgently, is what on-call reads the runbook for.
 */
import type { AlertRule } from '../kinds/manifest/alert-rules.js';
import type { RawFinding } from '../model/finding.js';
import { runbookOf, runbookState } from './alert-common.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const URLS = 'alerts:\n  runbook-urls:\n    - prefix: https://runbooks.example.com/\n      path: docs/runbooks/\n';
const ALERT = (expr: string) =>
  `groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: ${expr}\n        for: 5m\n        annotations:\n          runbook_url: https://runbooks.example.com/payments-down\n`;
const RUNBOOK = { 'docs/runbooks/payments-down.md': '# Payments down\n' };

const messages = {
  changed:
    'Alert "{{alert}}" changed its {{what}}, but its runbook {{path}} did not change in this pull request. Update the runbook with the change: what fires the alert is what on-call reads it for.',
};
const say = sayer(messages);

export const alertRunbookDrift = defineRule({
  id: 'alert-runbook-drift',
  kind: 'manifest',
  title: 'A changed alert comes with its runbook',
  description:
    'an alert whose `expr`, `for` or `labels.severity` changed in the pull request has its runbook changed in it too (judged where the changed files are known)',
  defaultSeverity: { devops: 'warning', none: 'off' },
  messages,
  examples: [
    {
      name: "an alert's query changed, its runbook did not",
      path: 'monitoring/payments.rules.yml',
      config: URLS,
      files: RUNBOOK,
      base: { 'monitoring/payments.rules.yml': ALERT('up{job="payments"} == 0') },
      pullRequest: { changedFiles: { files: [{ path: 'monitoring/payments.rules.yml' }], truncated: false, total: 1 } },
      text: ALERT('sum(up{job="payments"}) < 2'),
      findings: [
        {
          at: '4:16',
          id: 'changed',
          data: { alert: 'PaymentsDown', what: 'expr', path: 'docs/runbooks/payments-down.md' },
        },
      ],
    },
    {
      name: 'the same change with the runbook updated, and an alert only renamed in its summary',
      path: 'monitoring/payments.rules.yml',
      config: URLS,
      files: RUNBOOK,
      base: { 'monitoring/payments.rules.yml': ALERT('up{job="payments"} == 0') },
      pullRequest: {
        changedFiles: {
          files: [{ path: 'monitoring/payments.rules.yml' }, { path: 'docs/runbooks/payments-down.md' }],
          truncated: false,
          total: 2,
        },
      },
      text: ALERT('sum(up{job="payments"}) < 2'),
      findings: [],
    },
  ],
  check(ctx) {
    const { alerts, alertsBefore } = ctx.file;
    if (!alerts || !alertsBefore || !ctx.changed) return undefined;
    const changed = new Set(ctx.changed.map((p) => p.toLowerCase()));
    const before = new Map(alertsBefore.map((a) => [a.name, a]));
    const out: RawFinding[] = [];
    for (const alert of alerts) {
      const old = before.get(alert.name);
      const what = old ? differences(old, alert) : [];
      if (what.length === 0) continue;
      const found = runbookOf(alert, ctx);
      if (typeof found === 'string' || found.target.kind !== 'file') continue;
      const { path } = runbookState(ctx, found.target.path);
      if (changed.has(path.toLowerCase())) continue;
      out.push({
        message: say('changed', { alert: alert.name, what: what.join(' and '), path }),
        line: alert.line,
        column: alert.column,
      });
    }
    return out;
  },
});

function differences(before: AlertRule, after: AlertRule): string[] {
  const norm = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim();
  return [
    norm(before.expr) !== norm(after.expr) ? 'expr' : '',
    before.for !== after.for ? 'for' : '',
    before.severity?.value !== after.severity?.value ? 'severity' : '',
  ].filter(Boolean);
}
