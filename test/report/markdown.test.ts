import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { neutralise } from '../../src/report/neutralise.js';
import { example, fixture, loadGrammars, ROOT, runbooks } from '../helpers.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../../src/model/report.js';
import { signOff } from '../../src/rules/sign-off.js';

// check() is synchronous: the parsers a kind loads on demand (a Dockerfile's) are loaded first.
await loadGrammars();

const config = loadConfig(undefined, 'x.yml');

/** The examples as the CLI checks them from the repository's root, with the repository's own template beside them. */
function examplesReport(): Report {
  return check({
    description: example('pull-request.md'),
    template: {
      path: '.github/pull_request_template.md',
      text: readFileSync(path.join(ROOT, '.github/pull_request_template.md'), 'utf8'),
    },
    files: [
      ...runbooks([
        { path: 'examples/runbooks/deploy-payments.md', text: example('runbooks/deploy-payments.md') },
        { path: 'examples/runbooks/rotate-certs.md', text: example('runbooks/rotate-certs.md') },
      ]),
      { path: 'examples/deploy/Dockerfile', kind: 'dockerfile', text: example('deploy/Dockerfile') },
      { path: 'examples/deploy/payments-api.yaml', kind: 'manifest', text: example('deploy/payments-api.yaml') },
    ],
    config,
  });
}

describe('formatMarkdown', () => {
  it('renders the examples as the golden report', async () => {
    await expect(formatMarkdown(examplesReport(), { title: 'Production readiness' })).toMatchFileSnapshot(
      '../golden/examples.md',
    );
  });

  it('renders a failing description as the golden report', async () => {
    const report = check({ description: fixture('pull-requests/checklist-problems.md'), files: [], config });
    await expect(formatMarkdown(report, { title: 'Production readiness' })).toMatchFileSnapshot(
      '../golden/checklist-problems.md',
    );
  });

  it('puts the verdict first', () => {
    const text = formatMarkdown(examplesReport(), { title: 'Production readiness' });
    expect(text.split('\n')[0]).toBe('## ❌ Production readiness: failed (8 errors, 1 warning)');
  });

  it('says a skipped pull request was skipped, not that it passed; counts notices where there are some', () => {
    const base = {
      ...examplesReport(),
      findings: [],
      errors: 0,
      warnings: 0,
      notices: 0,
      conclusion: 'success' as const,
    };
    const skipped = formatMarkdown(
      { ...base, skipped: 'the pull request is a draft.' },
      { title: 'Production readiness' },
    );
    expect(skipped.split('\n')[0]).toBe('## ⏭️ Production readiness: skipped');
    expect(skipped).toContain('> Skipped: the pull request is a draft.');
    const noticed = formatMarkdown({ ...base, notices: 2 }, { title: 'Production readiness' });
    expect(noticed.split('\n')[0]).toBe('## ✅ Production readiness: passed (0 errors, 0 warnings, 2 notices)');
  });

  it('cuts the passing checks first, then advisory findings, and blocking ones last', () => {
    const finding = (severity: 'error' | 'warning', i: number) => ({
      ruleId: 'section-text',
      severity,
      message: `${severity} ${i} ${'x'.repeat(200)}`,
      source: 'pull-request',
      kind: 'pull-request',
      line: i,
      column: 1,
    });
    const many: Report = {
      ...examplesReport(),
      findings: [
        ...Array.from({ length: 20 }, (_, i) => finding('warning', i)),
        ...Array.from({ length: 20 }, (_, i) => finding('error', i)),
      ],
      errors: 20,
      warnings: 20,
      conclusion: 'failure',
    };
    const full = formatMarkdown(many, { title: 'T' });
    // Blocking first, though the report listed the warnings first.
    expect(full.indexOf('### Blocking the merge')).toBeLessThan(full.indexOf('### Advisory'));
    expect(full).toContain('<details><summary>Passing checks');
    // Room for everything but the passing checks: they go, every finding stays.
    const noPasses = formatMarkdown(many, { title: 'T', limit: { max: full.length - 200, unit: 'utf16' } });
    expect(noPasses).not.toContain('<details><summary>Passing checks');
    expect(noPasses).toMatch(/_\d+ passing checks left out to fit GitHub's size limit\._/);
    expect(noPasses.match(/^- ⚠️/gm)).toHaveLength(20);
    // Room for the errors and a few warnings: the warnings are cut, every error stays.
    const tight = formatMarkdown(many, { title: 'T', limit: { max: noPasses.length - 2_000, unit: 'utf16' } });
    expect(tight.match(/^- ❌/gm)).toHaveLength(20);
    expect((tight.match(/^- ⚠️/gm) ?? []).length).toBeLessThan(20);
    expect(tight).toMatch(/_…and \d+ more findings?, cut to fit GitHub's size limit\./);
  });

  it('stays within a length limit, saying what it cut', () => {
    const many = Array.from({ length: 400 }, (_, i) => `- [ ] **Item ${i}**`).join('\n');
    const yaml = `pull-request:\n  sections:\n    - name: Huge\n      items: [${Array.from({ length: 400 }, (_, i) => `"Item ${i}"`).join(', ')}]\n`;
    const report = check({ description: `## Huge\n${many}\n`, files: [], config: loadConfig(yaml, 'x.yml') });
    expect(report.findings.length).toBeGreaterThan(400);
    const text = formatMarkdown(report, { title: 'Production readiness', limit: { max: 10_000, unit: 'utf16' } });
    expect(text.length).toBeLessThanOrEqual(10_000);
    expect(text).toMatch(/_…and \d+ more findings, cut to fit GitHub's size limit\./);
    expect(text.startsWith('## ❌ Production readiness: failed')).toBe(true);
  });

  it('neutralises what it quotes from the pull request', () => {
    const yaml =
      'extends: none\npull-request:\n  sections:\n    - name: Deploy\n      items: ["@octocat <img src=x onerror=alert(1)>"]\n';
    const description = '## Deploy\n- [ ] **@octocat <img src=x onerror=alert(1)>**: `x`\n';
    const report = check({ description, files: [], config: loadConfig(yaml, 'x.yml') });
    const text = formatMarkdown(report, { title: 'Production readiness' });
    expect(text).not.toMatch(/@octocat/);
    expect(text).toContain('@\u200boctocat');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
  });
});

describe('findings alike but for one name', () => {
  const HIGH_RISK = (boxes: string[]) =>
    `# Runbook: x\n\n## Overview\n- **Risk Level**: High\n\n## Pre-Deployment Checklist\n${boxes.map((b) => `- [ ] ${b}`).join('\n')}\n`;
  const highRisk = (boxes: string[]) => {
    const report = check({
      description: undefined,
      files: runbooks([{ path: 'docs/runbooks/x.md', text: HIGH_RISK(boxes) }]),
      config,
    });
    const lines = formatMarkdown(report, { title: 'Production readiness' })
      .split('\n')
      .filter((l) => l.includes('runbook-high-risk.md'));
    return { report, lines };
  };

  it('are said in one line, each name at its line; the findings themselves stay one a line', () => {
    const { report, lines } = highRisk(['Backup taken', 'Rollback plan tested', 'Stakeholders notified']);
    expect(report.findings.filter((f) => f.ruleId === 'runbook-high-risk').map((f) => f.line)).toEqual([7, 8, 9]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^- ❌ Risk Level is High and not ticked in "Pre-Deployment Checklist": "Backup taken" \(line 7\), "Rollback plan tested" \(line 8\), "Stakeholders notified" \(line 9\)\. Do each and tick it/,
    );
  });

  it('one alone keeps its own sentence at its line', () => {
    const { lines } = highRisk(['Backup taken']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^- ❌ line 7: Risk Level is High and "Backup taken" in "Pre-Deployment Checklist"/);
  });

  it('links each name to its line where the report links lines', () => {
    const { report } = highRisk(['Backup taken', 'Stakeholders notified']);
    const text = formatMarkdown(report, {
      title: 'Production readiness',
      link: (source, line) => `https://example.com/${source}?plain=1#L${line}`,
    });
    expect(text).toContain(
      '"Backup taken" ([line 7](https://example.com/docs/runbooks/x.md?plain=1#L7)), "Stakeholders notified" ([line 8](https://example.com/docs/runbooks/x.md?plain=1#L8))',
    );
  });

  it('neutralises every name it gathers', () => {
    const { report, lines } = highRisk(['@octocat <img src=x onerror=alert(1)>', '::error::boom #12']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/@octocat|<img|#12/);
    const names = report.findings.filter((f) => f.ruleId === 'runbook-high-risk').map((f) => f.gather?.name);
    expect(names).toEqual(['@octocat', '::error::boom #12']);
    for (const name of names) expect(lines[0]).toContain(neutralise(`"${name}"`));
  });

  it("gathers the boxes one person ticked in a reviewer's place", () => {
    const example = signOff.examples[0]!;
    const report = check({
      description: example.text,
      files: [],
      config: loadConfig(example.config ?? '', 'x.yml'),
      reviews: example.reviews!,
    });
    expect(report.findings.filter((f) => f.message.includes('was ticked by @octocat'))).toHaveLength(5);
    const lines = formatMarkdown(report, { title: 'Production readiness' })
      .split('\n')
      .filter((l) => l.includes('ticked by') || l.includes('Ticked by'));
    expect(lines.map((l) => l.replace(/ <sub>.*/, ''))).toEqual([
      '- ❌ Ticked by @\u200boctocat, who is not an authorised reviewer: "Deployment strategy clear" (line 3), "Rollback plan defined" (line 4), "Monitoring requirements identified" (line 5), "Resource limits set" (line 6), "Production ready" (line 8). Only a reviewer may tick them.',
    ]);
  });

  it('gathers the unticked boxes of one section of the description, and not those of another', () => {
    const yaml =
      'extends: none\npull-request:\n  sections:\n    - {name: Monitoring, items: [Metrics, Alerts, Dashboards]}\n    - {name: Reliability, items: [Timeouts]}\n';
    const description =
      '## Monitoring\n- [ ] **Metrics**\n- [x] **Alerts**\n- [ ] **Dashboards**\n## Reliability\n- [ ] **Timeouts**\n';
    const report = check({ description, files: [], config: loadConfig(yaml, 'x.yml') });
    const lines = formatMarkdown(report, { title: 'Production readiness' })
      .split('\n')
      .filter((l) => l.includes('item-checked.md'));
    expect(lines.map((l) => l.replace(/ <sub>.*/, ''))).toEqual([
      '- ❌ Not ticked in "Monitoring": "Metrics" (line 2), "Dashboards" (line 4). Tick each once done, or write "N/A — reason" after its label.',
      '- ❌ line 6: "Timeouts" in "Reliability" is not ticked. Tick it once done, or write "N/A — reason" after the label.',
    ]);
  });
});

describe('neutralise', () => {
  it.each([
    ['@octocat', '@\u200boctocat'],
    ['@org/team', '@\u200borg/team'],
    ['&#64;octocat', '&amp;\\#\u200b64;octocat'],
    ['＠octocat', '＠\u200boctocat'],
    ['<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    ['[click](javascript:x)', '\\[click\\]\\(javascript:x\\)'],
    ['a | b', 'a \\| b'],
    ['line\n## heading', 'line \\#\\# heading'],
    ['`code`', '\\`code\\`'],
    ['\u202eevil', 'evil'],
  ])('%j -> %j', (input, output) => {
    expect(neutralise(input)).toBe(output);
  });
});
