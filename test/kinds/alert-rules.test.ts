// Alerting rules read from the shapes teams keep them in, their runbook URLs resolved, and the line scan the
// run reads runbooks by: it never misses a URL the parse finds, and no text makes either throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAlerts, resolveRunbookUrl, runbookUrlsIn } from '../../src/kinds/manifest/alert-rules.js';

const repository = { host: 'github.com', owner: 'octo-org', repo: 'octo-repo' };
const urls = { runbookUrls: [{ prefix: 'https://runbooks.example.com/runbooks/', path: 'docs/runbooks/' }] };

describe('readAlerts', () => {
  it('reads rule files, PrometheusRule objects and single rules, and leaves recording rules out', () => {
    const file =
      'groups:\n  - name: a\n    rules:\n      - record: x\n        expr: y\n      - alert: A\n        expr: up == 0\n';
    const object =
      'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: b}\nspec:\n  groups:\n    - name: b\n      rules:\n        - {alert: B, expr: up == 0, labels: {severity: page}}\n';
    const single = 'alert: C\nexpr: up == 0\nannotations:\n  runbook_url: https://x/c\n';
    expect(readAlerts(file).map((a) => [a.name, a.line])).toEqual([['A', 6]]);
    expect(readAlerts(object).map((a) => [a.name, a.severity?.value])).toEqual([['B', 'page']]);
    expect(readAlerts(single).map((a) => a.annotations.runbook_url?.value)).toEqual(['https://x/c']);
    // A map with `alert:` but no `expr:` is not a rule; neither is a commented-out one.
    expect(readAlerts('alert: D\n# - alert: E\n')).toEqual([]);
  });

  it('resolves a name a template assigns, and marks what a directive writes as unverifiable', () => {
    const text =
      '{{- $alert := "Offline" -}}\nalert: {{ $alert }}\nexpr: up == 0\nannotations:\n  runbook_url: https://x/{{ $alert }}.md\n  summary: {{ .Values.summary }}\n{{- toYaml .Values.extra | nindent 2 }}\n';
    const [alert] = readAlerts(text);
    expect(alert!.name).toBe('Offline');
    expect(alert!.annotations.runbook_url?.value).toBe('https://x/Offline.md');
    // `toYaml` under the annotations may write any annotation.
    expect(alert!.hidden).toBe(true);
    const built = readAlerts('alert: A\nexpr: x\nannotations:\n  runbook_url: {{ .Values.base }}/a\n')[0]!;
    expect([built.annotations.runbook_url, built.hidden]).toEqual([undefined, ['runbook_url']]);
  });
});

describe('resolveRunbookUrl', () => {
  it.each([
    ['https://runbooks.example.com/runbooks/payments-down', { kind: 'file', path: 'docs/runbooks/payments-down.md' }],
    [
      'HTTPS://Runbooks.Example.com/runbooks/db/offline.md#steps',
      { kind: 'file', path: 'docs/runbooks/db/offline.md', anchor: 'steps' },
    ],
    // A browser takes the dot segments out before it asks: never the file the path names.
    ['https://runbooks.example.com/runbooks/../../../etc/passwd', { kind: 'dotted' }],
    ['https://runbooks.example.com/runbooks/../guide', { kind: 'dotted' }],
    ['https://runbooks.example.com/runbooks/%2E%2e/guide', { kind: 'dotted' }],
    ['https://runbooks.example.com/runbooks/./guide', { kind: 'dotted' }],
    ['https://runbooks.example.com/runbooks\\..\\guide', { kind: 'dotted' }],
    ['https://runbooks.example.com/runbooks/v1..2/guide', { kind: 'file', path: 'docs/runbooks/v1..2/guide.md' }],
    ['https://runbooks.example.com/runbooks/', { kind: 'elsewhere' }],
    ['https://github.com/octo-org/octo-repo/blob/main/docs/run.md', { kind: 'file', path: 'docs/run.md', ref: 'main' }],
    ['https://github.com/other/octo-repo/blob/main/docs/run.md', { kind: 'elsewhere' }],
    // A ref whose escapes are not UTF-8 is kept as written, never thrown on.
    [
      'https://github.com/octo-org/octo-repo/blob/%E0%A4%A/docs/run.md#%E0',
      { kind: 'file', path: 'docs/run.md', ref: '%E0%A4%A', anchor: '%E0' },
    ],
    ['https://wiki.example.com/payments', { kind: 'external' }],
    ['docs/runbooks/payments.md', { kind: 'elsewhere' }],
  ])('%s', (url, target) => {
    expect(resolveRunbookUrl(url, urls, ['https://wiki.example.com/'], repository)).toEqual(target);
  });

  it('maps a prefix to the repository root with an empty path', () => {
    expect(
      resolveRunbookUrl(
        'https://r.example.com/a/b',
        { runbookUrls: [{ prefix: 'https://r.example.com/', path: '' }] },
        [],
      ),
    ).toEqual({
      kind: 'file',
      path: 'a/b.md',
    });
  });
});

/** A runbook URL written in each style YAML allows for it, at an indentation. */
const urlValue = fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), style: fc.integer({ min: 0, max: 5 }) });
const written = (url: string, style: number, indent: string): string =>
  [` ${url}`, ` "${url}"`, ` '${url}'`, ` >-\n${indent}  ${url}`, ` |\n${indent}  ${url}`, ` ${url} # the page`][
    style
  ]!;

/** One alerting rule, block or flow style, its annotations too. */
const rule = fc.record({ value: urlValue, flow: fc.boolean(), quotedKey: fc.boolean(), extra: fc.boolean() });
const ruleText = (
  r: { value: { name: string; style: number }; flow: boolean; quotedKey: boolean; extra: boolean },
  indent: string,
) => {
  const url = `https://r.example.com/${r.value.name}`;
  const key = r.quotedKey ? '"runbook_url"' : 'runbook_url';
  if (r.flow) {
    const value = r.value.style === 1 || r.value.style === 2 ? written(url, r.value.style, '').trim() : url;
    return `${indent}- {alert: A${r.value.name.length}, expr: up == 0, annotations: {${r.extra ? 'summary: s, ' : ''}${key}: ${value}}}\n`;
  }
  const inner = `${indent}    `;
  return `${indent}- alert: A\n${indent}  expr: up == 0\n${indent}  annotations:\n${r.extra ? `${inner}summary: s\n` : ''}${inner}${key}:${written(url, r.value.style, inner)}\n`;
};
const ruleFile = fc
  .record({ rules: fc.array(rule, { minLength: 1, maxLength: 4 }), shape: fc.integer({ min: 0, max: 2 }) })
  .map(({ rules, shape }) => {
    if (shape === 0) return `groups:\n  - name: g\n    rules:\n${rules.map((r) => ruleText(r, '      ')).join('')}`;
    if (shape === 1)
      return `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: p\nspec:\n  groups:\n    - name: g\n      rules:\n${rules.map((r) => ruleText(r, '        ')).join('')}`;
    // A single rule at the top: the list item's dash and indentation taken off.
    return ruleText({ ...rules[0]!, flow: false }, '')
      .replace(/^- /, '')
      .replace(/^ {2}/gm, '');
  });

describe('runbookUrlsIn', () => {
  it('finds every runbook URL the parse finds, in every style YAML allows', () => {
    fc.assert(
      fc.property(ruleFile, (text) => {
        const alerts = readAlerts(text);
        // The generated files are well formed: each rule is read, with its URL.
        expect(alerts.length).toBeGreaterThan(0);
        const scanned = new Set(runbookUrlsIn(text, 'runbook_url'));
        for (const alert of alerts) {
          const url = alert.annotations.runbook_url?.value;
          expect(url).toMatch(/^https:\/\/r\.example\.com\//);
          expect(scanned).toContain(url);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        runbookUrlsIn(`runbook_url: ${text}`, 'runbook_url');
        readAlerts(`alert: a\nexpr: b\n${text}`);
      }),
      { numRuns: 300 },
    );
  });
});
