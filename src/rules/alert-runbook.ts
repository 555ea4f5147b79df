/**
 * `alert-runbook`: every alerting rule links its runbook, and the link
 * resolves to a runbook on-call can open: a file of this repository at the
 * head commit (through an `alerts.runbook-urls` prefix, or a GitHub URL to
 * this repository), or a `runbooks.external` prefix. The role document's
 * "Do I have a runbook for this?", asked of each alert.
 */
import { gatherOf, NAMES, type RawFinding } from '../model/finding.js';
import { annotationNames, runbookOf, runbookState } from './alert-common.js';
import { anchorsOf, findAnchor, type Anchor } from '../model/anchors.js';
import { editDistance } from '../model/closest.js';
import { findSection, sectionBody, type DocumentView } from '../markdown/document.js';
import { nearEmptyReason, placeholderPattern } from '../model/near-empty.js';
import { keysOf } from '../markdown/heading.js';
import { parseRunbook, templateFor } from '../kinds/runbook.js';
import type { ManifestContext } from '../kinds/manifest.js';
import { sayer } from '../model/messages.js';
import { defineRule } from './rule.js';

const RULES_FILE = (annotations: string) =>
  `groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up{job="payments"} == 0\n        for: 5m\n        labels:\n          severity: critical\n${annotations}`;
const URLS = 'alerts:\n  runbook-urls:\n    - prefix: https://runbooks.example.com/\n      path: docs/runbooks/\n';

const messages = {
  hidden:
    'Alert "{{alert}}" gets its {{annotation}} from a template directive the gate cannot resolve, so where it points is not checked. Write the URL out in the rule, or check the runbook by hand.',
  missing:
    'Alert "{{alert}}" has no {{annotation}} annotation, so on-call gets no runbook when it fires. Add annotations.{{key}} linking its runbook.',
  elsewhere:
    'Alert "{{alert}}" links {{url}}, which is neither this repository, an alerts.runbook-urls prefix nor a runbooks.external prefix, so the gate cannot tell the runbook exists. Keep the runbook in this repository, or list the prefix under runbooks.external.',
  noFile:
    'Alert "{{alert}}" links {{shown}}, and there is no such file at the head commit. Write the runbook (the pull request that adds an alert brings its runbook), or fix the link.',
  unread:
    'Alert "{{alert}}" links {{shown}}, which the run did not read (more runbooks than pull-request.runbook.max-links, or a read that failed), so the gate cannot tell it exists.',
  conditional:
    'Alert "{{alert}}" is written with its {{annotation}} only when `{{when}}` holds, a template condition the rule itself is not under: the chart\'s values decide whether on-call gets a runbook. Write the annotation outside the condition, or check the values each environment deploys with.',
  external:
    'Alert "{{alert}}" links {{url}}, under a runbooks.external prefix: accepted, not checked. Open it to see that it exists and says what to do.',
  externalTogether:
    'Alerts {{names}} link runbooks under a runbooks.external prefix: accepted, not checked. Open them to see that they exist and say what to do.',
  dotted:
    'Alert "{{alert}}" links {{url}}, whose `.` or `..` segments a browser resolves before it asks: on-call opens another page than the file the path names. Link the runbook by its own path.',
  otherRef:
    'Alert "{{alert}}" links its runbook at {{ref}}, not on {{branch}}, the branch this pull request merges into: on-call reads the runbook as it is there, and the gate checked it as this change leaves it. Link {{branch}}.',
  noAnchor:
    'Alert "{{alert}}" links {{path}}#{{anchor}}, and {{path}} has no such anchor: on-call lands at the top of the file.{{nearest}} Link the alert\'s own section (anchors are made as GitHub makes them: lower case, punctuation dropped, spaces as -), or write that section.',
  anchorless:
    'Alert "{{alert}}" links {{path}} with no #anchor, and the {{template}} keeps a section per alert in it: on-call lands at the top of the file. Link the alert\'s section (#its-heading).',
  sectionLacks:
    'Alert "{{alert}}" links section "{{section}}" of {{path}} (line {{line}}), which has no {{missing}} within it: the {{template}} holds each alert\'s section to its sections. Write {{them}} under "{{section}}".',
};
const say = sayer(messages);

export const alertRunbook = defineRule({
  id: 'alert-runbook',
  kind: 'manifest',
  title: 'Every alert links a runbook that exists',
  description:
    'an alerting rule has a `runbook_url` annotation (`alerts.runbook-annotation`) that resolves to a runbook file at the head commit (an `alerts.runbook-urls` prefix, or a GitHub URL to this repository) or a `runbooks.external` prefix',
  defaultSeverity: { devops: 'error', none: 'off' },
  messages,
  examples: [
    {
      name: 'an alert without a runbook annotation, and one whose runbook is not in the repository',
      path: 'monitoring/payments.rules.yml',
      config: URLS,
      text: `${RULES_FILE('')}      - alert: PaymentsSlow\n        expr: histogram_quantile(0.99, rate(payments_seconds_bucket[5m])) > 2\n        annotations:\n          runbook_url: https://runbooks.example.com/payments-slow\n`,
      findings: [
        { at: '4:16', id: 'missing', data: { alert: 'PaymentsDown', annotation: 'runbook_url', key: 'runbook_url' } },
        {
          at: '12:24',
          id: 'noFile',
          data: {
            alert: 'PaymentsSlow',
            shown: 'https://runbooks.example.com/payments-slow, which is docs/runbooks/payments-slow.md',
          },
        },
      ],
    },
    {
      name: 'a runbook on a host the config does not name',
      path: 'monitoring/payments.rules.yml',
      text: RULES_FILE('        annotations:\n          runbook_url: https://wiki.example.com/payments\n'),
      findings: [
        { at: '10:24', id: 'elsewhere', data: { alert: 'PaymentsDown', url: 'https://wiki.example.com/payments' } },
      ],
    },
    {
      name: 'a PrometheusRule whose alert links a runbook of this repository by its GitHub URL, and one through a prefix, the case of its name aside',
      path: 'deploy/alerts.yaml',
      config: URLS,
      files: {
        'docs/runbooks/payments-down.md': '# Payments down\n',
        'docs/runbooks/PaymentsSlow.md': '# Payments slow\n',
      },
      text: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: payments\nspec:\n  groups:\n    - name: payments\n      rules:\n        - alert: PaymentsDown\n          expr: up == 0\n          annotations:\n            runbook_url: https://runbooks.example.com/payments-down\n        - alert: PaymentsSlow\n          expr: slow > 2\n          annotations:\n            runbook_url: https://runbooks.example.com/paymentsslow\n        - record: job:payments:rate5m\n          expr: rate(payments_total[5m])\n',
      findings: [],
    },
    {
      name: 'one runbook file, a section per alert: each anchor is a heading as GitHub slugs it, an <a name> or a {#id}; one is dead',
      path: 'monitoring/payments.rules.yml',
      config: URLS,
      files: {
        'docs/runbooks/payments.md':
          '# Payments alerts\n\n## Alert Name: PaymentsDown\n\nRestart it.\n\n## PaymentsSlow {#slow}\n\nScale it.\n\n<a name="payments-errors"></a>\n### Errors (5xx)\n\nRoll back.\n\n## Alert Name: PaymentsLatency\n',
      },
      text: 'groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/payments#alert-name-paymentsdown\n      - alert: PaymentsSlow\n        expr: slow > 2\n        annotations:\n          runbook_url: https://runbooks.example.com/payments#slow\n      - alert: PaymentsErrors\n        expr: errors > 0\n        annotations:\n          runbook_url: https://runbooks.example.com/payments#payments-errors\n      - alert: PaymentsLatency\n        expr: latency > 1\n        annotations:\n          runbook_url: https://runbooks.example.com/payments#alert-name-paymentslatancy\n',
      findings: [
        {
          at: '19:24',
          id: 'noAnchor',
          data: {
            alert: 'PaymentsLatency',
            path: 'docs/runbooks/payments.md',
            anchor: 'alert-name-paymentslatancy',
            nearest: ' The nearest is #alert-name-paymentslatency (line 16).',
          },
        },
      ],
    },
    {
      name: 'a mixin-style runbook held to the team template per alert: the section an alert links lacks one, and one link names no section',
      path: 'monitoring/payments.rules.yml',
      config: `${URLS}runbooks:\n  templates:\n    - name: alert runbook\n      paths: ['docs/runbooks/**']\n      sections-per-alert: true\n      sections: [Impact, Mitigation]\n`,
      files: {
        'docs/runbooks/payments.md':
          '# Payments alerts\n\n## PaymentsDown\n\n### Impact\n\nNo payments.\n\n### Mitigation\n\nRestart it.\n\n## PaymentsSlow\n\n### Impact\n\nTODO\n\n### Mitigation\n\n## PaymentsErrors\n',
      },
      text: 'groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n        annotations:\n          runbook_url: https://runbooks.example.com/payments#paymentsdown\n      - alert: PaymentsSlow\n        expr: slow > 2\n        annotations:\n          runbook_url: https://runbooks.example.com/payments#paymentsslow\n      - alert: PaymentsErrors\n        expr: errors > 0\n        annotations:\n          runbook_url: https://runbooks.example.com/payments\n',
      findings: [
        {
          at: '11:24',
          id: 'sectionLacks',
          data: {
            alert: 'PaymentsSlow',
            section: 'PaymentsSlow',
            path: 'docs/runbooks/payments.md',
            line: 13,
            missing: '"Impact" or "Mitigation" sections with content',
            template: '"alert runbook" template',
            them: 'them',
          },
        },
        {
          at: '15:24',
          id: 'anchorless',
          data: { alert: 'PaymentsErrors', path: 'docs/runbooks/payments.md', template: '"alert runbook" template' },
        },
      ],
    },
    {
      name: 'runbooks kept on a wiki the config names as external: accepted, and listed as not checked',
      path: 'monitoring/payments.rules.yml',
      config: 'runbooks:\n  external: [https://wiki.example.com/]\n',
      text: RULES_FILE('        annotations:\n          runbook_url: https://wiki.example.com/payments\n'),
      findings: [
        { at: '10:24', id: 'external', data: { alert: 'PaymentsDown', url: 'https://wiki.example.com/payments' } },
      ],
    },
    {
      name: 'a URL whose .. leaves the prefix: the browser opens another page',
      path: 'monitoring/payments.rules.yml',
      config: URLS,
      files: { 'docs/payments-down.md': '# Payments down\n' },
      text: RULES_FILE(
        '        annotations:\n          runbook_url: https://runbooks.example.com/%2e%2e/payments-down\n',
      ),
      findings: [
        {
          at: '10:24',
          id: 'dotted',
          data: { alert: 'PaymentsDown', url: 'https://runbooks.example.com/%2e%2e/payments-down' },
        },
      ],
    },
    {
      name: 'a team whose alerts link their runbook as runbook or runbook_url: the first one an alert has is its runbook',
      path: 'deploy/alerts.yaml',
      config: `alerts:\n  runbook-annotation: [runbook_url, runbook]\n${URLS.slice('alerts:\n'.length)}`,
      files: { 'docs/runbooks/payments-down.md': '# Payments down\n' },
      text: 'groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n        annotations:\n          runbook: https://runbooks.example.com/payments-down\n      - alert: PaymentsSlow\n        expr: slow > 2\n        annotations:\n          runbook: https://runbooks.example.com/payments-slow\n      - alert: PaymentsErrors\n        expr: errors > 0\n        annotations:\n          playbook: https://runbooks.example.com/payments-errors\n',
      findings: [
        {
          at: '11:20',
          id: 'noFile',
          data: {
            alert: 'PaymentsSlow',
            shown: 'https://runbooks.example.com/payments-slow, which is docs/runbooks/payments-slow.md',
          },
        },
        {
          at: '12:16',
          id: 'missing',
          data: { alert: 'PaymentsErrors', annotation: 'runbook_url or runbook', key: 'runbook_url' },
        },
      ],
    },
    {
      name: 'a chart fragment whose name a template assigns, and whose runbook a directive writes: unverifiable, not missing',
      path: 'charts/db/prometheus_rules/offline.yaml',
      text: '{{- $alert := "DBOffline" -}}\n{{- if not (has $alert .excludeRules) -}}\nalert: {{ $alert }}\nannotations:\n  summary: no instance is ready\n  runbook_url: {{ .Values.runbookBase }}/{{ $alert }}.md\nexpr: up == 0\nfor: 5m\n{{- end -}}\n',
      findings: [{ at: '3:8', id: 'hidden', data: { alert: 'DBOffline', annotation: 'runbook_url' } }],
    },
    {
      name: 'a directive that writes labels cannot write the annotations the rule lacks',
      path: 'charts/db/prometheus_rules/lag.yaml',
      text: 'alert: DBLag\nexpr: lag > 10\nlabels:\n  severity: warning\n  {{- include "db.labels" . | nindent 2 }}\n',
      findings: [{ at: '1:8', id: 'missing', data: { alert: 'DBLag', annotation: 'runbook_url', key: 'runbook_url' } }],
    },
    {
      name: 'a rule file a chart writes only when enabled, two directives on a line: read, and its alert has no runbook',
      path: 'charts/db/templates/rules.yaml',
      text: '{{- if .Values.rules.enabled }}{{- with .Values.rules }}\ngroups:\n  - name: db\n    rules:\n      - alert: DBDown\n        expr: up{job="db"} == 0\n        labels:\n          severity: critical\n{{- end }}{{- end }}\n',
      findings: [
        { at: '5:16', id: 'missing', data: { alert: 'DBDown', annotation: 'runbook_url', key: 'runbook_url' } },
      ],
    },
    {
      name: 'a runbook_url a chart writes only when a value is set: what the values decide is said',
      path: 'charts/db/prometheus_rules/offline.yaml',
      config: URLS,
      files: { 'docs/runbooks/db-offline.md': '# DB offline\n' },
      text: 'alert: DBOffline\nexpr: up == 0\nannotations:\n  summary: no instance is ready\n  {{- if .Values.runbooks.enabled }}\n  runbook_url: https://runbooks.example.com/db-offline\n  {{- end }}\n',
      findings: [
        {
          at: '6:16',
          id: 'conditional',
          data: { alert: 'DBOffline', annotation: 'runbook_url', when: 'if .Values.runbooks.enabled' },
        },
      ],
    },
    {
      name: 'the same fragment with no runbook annotation at all',
      path: 'charts/db/prometheus_rules/offline.yaml',
      text: '{{- $alert := "DBOffline" -}}\nalert: {{ $alert }}\nannotations:\n  summary: no instance is ready\nexpr: up == 0\n',
      findings: [
        { at: '2:8', id: 'missing', data: { alert: 'DBOffline', annotation: 'runbook_url', key: 'runbook_url' } },
      ],
    },
  ],
  check(ctx) {
    const { alerts } = ctx.file;
    if (!alerts) return undefined;
    const out: RawFinding[] = [];
    const runbooks = new Map<string, Read>();
    const annotation = annotationNames(ctx);
    const key = ctx.settings.alerts.runbookAnnotations[0]!;
    for (const alert of alerts) {
      const found = runbookOf(alert, ctx);
      if (found === 'hidden') {
        // Unverifiable, never missing: said, at most a notice, so an unchecked runbook is not a silent pass.
        out.push({
          message: say('hidden', { alert: alert.name, annotation }),
          line: alert.line,
          column: alert.column,
          severity: 'notice',
        });
        continue;
      }
      if (found === 'missing') {
        out.push({
          message: say('missing', { alert: alert.name, annotation, key }),
          line: alert.line,
          column: alert.column,
        });
        continue;
      }
      const { url, target, key: used } = found;
      const at = { line: url.line, column: url.column };
      if (url.when) {
        out.push({
          message: say('conditional', { alert: alert.name, annotation: used, when: url.when.join(' and ') }),
          ...at,
          severity: 'notice',
        });
      }
      if (target.kind === 'external') {
        // Said, as a notice, so a reviewer sees which runbooks nobody checked.
        out.push({
          message: say('external', { alert: alert.name, url: url.value }),
          ...at,
          severity: 'notice',
          gather: gatherOf('external', alert.name, say('externalTogether', { names: NAMES })),
        });
        continue;
      }
      if (target.kind === 'elsewhere' || target.kind === 'dotted') {
        out.push({
          message: say(target.kind, { alert: alert.name, url: url.value }),
          ...at,
        });
        continue;
      }
      const { state, path } = runbookState(ctx, target.path);
      const shown = url.value === target.path ? target.path : `${url.value}, which is ${target.path}`;
      // A runbook the pull request removes or renames: alert-runbook-removed says where it went.
      if (state === 'missing' && ctx.removed?.has(target.path.toLowerCase())) continue;
      if (state === 'missing') {
        out.push({
          message: say('noFile', { alert: alert.name, shown }),
          ...at,
        });
      } else if (state === 'unread') {
        out.push({
          message: say('unread', { alert: alert.name, shown }),
          ...at,
        });
      }
      if (state !== 'present') continue;
      const ref = target.ref;
      const branch = ctx.baseBranch;
      if (ref !== undefined && ref !== 'HEAD' && (branch !== undefined ? ref !== branch : COMMIT.test(ref))) {
        out.push({
          message: say('otherRef', { alert: alert.name, ref, branch: branch ?? 'the branch being merged' }),
          ...at,
          severity: 'warning',
        });
      }
      out.push(...sectionProblems(ctx, alert.name, path, target.anchor, at, runbooks));
    }
    return out;
  },
});

/** A commit SHA, full or abbreviated: a link that never follows the branch. */
const COMMIT = /^[0-9a-f]{7,40}$/i;

/** A runbook read once for its anchors, however many alerts link it. */
interface Read {
  view: DocumentView;
  anchors: Anchor[];
}

/**
 * What is wrong with the section an alert's link names: no such anchor; or,
 * where the runbook's template holds sections per alert, a required section
 * missing or empty within it, or no anchor to find the alert's section by.
 */
function sectionProblems(
  ctx: ManifestContext,
  alert: string,
  path: string,
  anchor: string | undefined,
  at: { line: number; column: number },
  runbooks: Map<string, Read>,
): RawFinding[] {
  const template = templateFor(path, ctx.settings);
  const perAlert = template?.sectionsPerAlert === true && template.sections.length > 0;
  if (anchor === undefined)
    return perAlert
      ? [{ message: say('anchorless', { alert, path, template: `"${template.name}" template` }), ...at }]
      : [];
  const text = ctx.files.get(path)?.text;
  if (text === undefined) return [];
  let read = runbooks.get(path);
  if (!read) {
    const view = parseRunbook(text);
    read = { view, anchors: anchorsOf(view) };
    runbooks.set(path, read);
  }
  const found = findAnchor(read.anchors, anchor);
  if (!found) {
    const near = nearestAnchor(read.anchors, anchor, alert);
    return [
      {
        message: say('noAnchor', {
          alert,
          path,
          anchor,
          nearest: near ? ` The nearest is #${near.id} (line ${near.line}).` : '',
        }),
        ...at,
      },
    ];
  }
  if (!perAlert || !found.section) return [];
  const section = found.section;
  const own = template.placeholders.map(placeholderPattern);
  // Written as runbook-section-empty reads a section: not only headings, comments, `TODO` or a placeholder.
  const missing = template.sections
    .filter((wanted) => {
      const sub = findSection(read.view, keysOf(wanted), section);
      if (!sub || sub.depth <= section.depth) return true;
      if (wanted.text === 'optional') return false;
      return !sub.hasContent || nearEmptyReason(sectionBody(read.view, sub), own) !== undefined;
    })
    .map((s) => `"${s.name}"`);
  if (missing.length === 0) return [];
  return [
    {
      message: say('sectionLacks', {
        alert,
        section: section.title,
        path,
        line: section.line,
        missing:
          missing.length === 1 ? `${missing[0]!} section with content` : `${listed(missing)} sections with content`,
        template: `"${template.name}" template`,
        them: missing.length === 1 ? 'it' : 'them',
      }),
      ...at,
    },
  ];
}

/**
 * The anchor a dead fragment most likely meant: one a few edits from it (a
 * typo, a renamed heading), else the one section that names the alert.
 */
function nearestAnchor(anchors: readonly Anchor[], fragment: string, alert: string): Anchor | undefined {
  const wanted = fragment.toLowerCase();
  let best: { anchor: Anchor; edits: number } | undefined;
  for (const anchor of anchors) {
    const limit = Math.floor(Math.max(wanted.length, anchor.id.length) / 4);
    const edits = editDistance(wanted, anchor.id.toLowerCase(), limit);
    if (edits <= limit && (!best || edits < best.edits)) best = { anchor, edits };
  }
  if (best) return best.anchor;
  const named = anchors.filter((a) => a.section && a.id.toLowerCase().includes(alert.toLowerCase()));
  return named.length === 1 ? named[0] : undefined;
}

const listed = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
