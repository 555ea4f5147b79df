/**
 * `alert-runbook-drift`: an alert whose `expr`, `for` or `labels.severity`
 * changed in the pull request comes with a change to its runbook (the role
 * document's "Update runbook with learnings"): what fires it, and how
 * urgently, is what on-call reads the runbook for.
 */
import { readAlerts, type AlertRule } from '../kinds/manifest/alert-rules.js';
import type { ManifestContext } from '../kinds/manifest.js';
import type { RawFinding } from '../model/finding.js';
import { runbookOf, runbookState } from './alert-common.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const URLS = 'alerts:\n  runbook-urls:\n    - prefix: https://runbooks.example.com/\n      path: docs/runbooks/\n';
const ALERT = (expr: string) =>
  `groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: ${expr}\n        for: 5m\n        annotations:\n          runbook_url: https://runbooks.example.com/payments-down\n`;
const RUNBOOK = { 'docs/runbooks/payments-down.md': '# Payments down\n' };
/** A family that reuses one name on purpose: the fast and the slow burn of one error budget. */
const BURN = (slow: string, summary: string) =>
  `groups:\n  - name: payments-slo\n    rules:\n      - alert: PaymentsErrorBudgetBurn\n        expr: rate(errors[5m]) > 14\n        for: 2m\n        labels: {severity: critical, window: 5m}\n        annotations: {runbook_url: https://runbooks.example.com/payments-burn}\n      - alert: PaymentsErrorBudgetBurn\n        expr: ${slow}\n        for: 15m\n        labels: {severity: warning, window: 1h}\n        annotations: {runbook_url: https://runbooks.example.com/payments-burn, summary: ${summary}}\n`;
const BURN_RUNBOOK = { 'docs/runbooks/payments-burn.md': '# Payments error budget burn\n' };
const ONE_FILE = { changedFiles: { files: [{ path: 'monitoring/slo.rules.yml' }], truncated: false, total: 1 } };

const messages = {
  changed:
    'Alert "{{alert}}" changed its {{what}}, but its runbook {{path}} did not change in this pull request. Update the runbook with the change: what fires the alert is what on-call reads it for.',
  moved:
    'Alert "{{alert}}" moved here from {{from}} and changed its {{what}} on the way, but its runbook {{path}} did not change in this pull request. Update the runbook with the change: what fires the alert is what on-call reads it for.',
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
      name: 'a family that reuses its name: only the slow burn changed what fires it',
      path: 'monitoring/slo.rules.yml',
      config: URLS,
      files: BURN_RUNBOOK,
      base: { 'monitoring/slo.rules.yml': BURN('rate(errors[1h]) > 6', 'slow burn') },
      pullRequest: ONE_FILE,
      text: BURN('rate(errors[1h]) > 3', 'slow burn'),
      findings: [
        {
          at: '9:16',
          id: 'changed',
          data: { alert: 'PaymentsErrorBudgetBurn', what: 'expr', path: 'docs/runbooks/payments-burn.md' },
        },
      ],
    },
    {
      name: 'a family that reuses its name, one of them with a new summary: nothing fires otherwise',
      path: 'monitoring/slo.rules.yml',
      config: URLS,
      files: BURN_RUNBOOK,
      base: { 'monitoring/slo.rules.yml': BURN('rate(errors[1h]) > 6', 'slow burn') },
      pullRequest: ONE_FILE,
      text: BURN('rate(errors[1h]) > 6', 'slow burn, over an hour'),
      findings: [],
    },
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
    // No base read (`undefined`): nothing to compare with. A file new in the pull request (`null`) had no alerts.
    if (!alerts || alertsBefore === undefined || !ctx.changed) return undefined;
    const changed = new Set(ctx.changed.map((p) => p.toLowerCase()));
    const out: RawFinding[] = [];
    const pairs = paired(alerts, alertsBefore ?? []);
    // An alert new to this file may have moved from another file the pull request changes or removes.
    const arrived = pairs.filter(([, old]) => old === undefined).map(([alert]) => alert);
    const moved = arrived.length > 0 ? movedFrom(ctx, arrived) : new Map<AlertRule, Before>();
    for (const [alert, own] of pairs) {
      const elsewhere = own ? undefined : moved.get(alert);
      const old = own ?? elsewhere?.alert;
      const what = old ? differences(old, alert) : [];
      if (what.length === 0) continue;
      const found = runbookOf(alert, ctx);
      if (typeof found === 'string' || found.target.kind !== 'file') continue;
      const { path } = runbookState(ctx, found.target.path);
      if (changed.has(path.toLowerCase())) continue;
      const data = { alert: alert.name, what: what.join(' and '), path };
      out.push({
        message: elsewhere ? say('moved', { ...data, from: elsewhere.path }) : say('changed', data),
        line: alert.line,
        column: alert.column,
      });
    }
    return out;
  },
});

interface Before {
  alert: AlertRule;
  path: string;
}

/**
 * The alerts new to this file that another file held at the base commit
 * and holds no more (moved, not copied): each paired with itself there, as
 * alerts of one file are paired. The other files are those of alerting
 * rules the pull request changes or removes, read at the base.
 */
function movedFrom(ctx: ManifestContext, arrived: readonly AlertRule[]): Map<AlertRule, Before> {
  const out = new Map<AlertRule, Before>();
  for (const [key, file] of ctx.files) {
    if (!key.startsWith('base:') || file.path === ctx.path || typeof file.text !== 'string') continue;
    const head = ctx.files.get(file.path);
    // Still there at the head: a copy, not a move. A file whose head this check was not given is taken as it reads.
    const stayed = typeof head?.text === 'string' ? readAlerts(head.text) : [];
    const left = readAlerts(file.text).filter((a) => !paired([a], stayed).some(([, same]) => same !== undefined));
    for (const [alert, old] of paired(
      arrived.filter((a) => !out.has(a)),
      left,
    )) {
      if (old) out.set(alert, { alert: old, path: file.path });
    }
  }
  return out;
}

/**
 * Each alert with itself as it was. Families reuse a name on purpose (a
 * warning and a critical pair, the burn-rate windows of one SLO alert): an
 * alert is its group, its name and its labels. One whose labels changed is
 * matched by group and name where that leaves one candidate on each side
 * (its severity raised); an alert new in the file has none.
 */
function paired(alerts: readonly AlertRule[], before: readonly AlertRule[]): [AlertRule, AlertRule | undefined][] {
  const identity = (a: AlertRule) =>
    JSON.stringify([a.group ?? '', a.name, Object.entries(a.labels).sort(([x], [y]) => x.localeCompare(y))]);
  const named = (a: AlertRule) => JSON.stringify([a.group ?? '', a.name]);
  const left = new Map<string, AlertRule[]>();
  for (const old of before) left.set(identity(old), [...(left.get(identity(old)) ?? []), old]);
  const out: [AlertRule, AlertRule | undefined][] = alerts.map((alert) => {
    const same = left.get(identity(alert));
    const old = same?.shift();
    return [alert, old];
  });
  // What is left unmatched on both sides, by group and name, where that is unambiguous.
  const unmatchedOld = [...left.values()].flat();
  for (const entry of out) {
    if (entry[1] !== undefined) continue;
    const newSame = out.filter((e) => e[1] === undefined && named(e[0]) === named(entry[0]));
    const oldSame = unmatchedOld.filter((o) => named(o) === named(entry[0]));
    if (newSame.length === 1 && oldSame.length === 1) entry[1] = oldSame[0];
  }
  return out;
}

function differences(before: AlertRule, after: AlertRule): string[] {
  const norm = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim();
  return [
    norm(before.expr) !== norm(after.expr) ? 'expr' : '',
    before.for !== after.for ? 'for' : '',
    before.severity?.value !== after.severity?.value ? 'severity' : '',
  ].filter(Boolean);
}
