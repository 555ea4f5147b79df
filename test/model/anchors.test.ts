// Anchors as GitHub makes them, and the links alerts make to them: a fragment that names no heading lands at the
// top of the file, and a GitHub URL at a commit or another branch is not the runbook as this change leaves it.
import { describe, expect, it } from 'vitest';
import { loadConfig, withRepository } from '../../src/config/load.js';
import { check } from '../../src/engine.js';
import { parseRunbook } from '../../src/kinds/runbook.js';
import { anchorsOf, findAnchor, githubSlug } from '../../src/model/anchors.js';

describe('githubSlug', () => {
  it.each([
    ['Alert Name: PaymentsDown', 'alert-name-paymentsdown'],
    ["What's new?", 'whats-new'],
    ['C++ & Go', 'c--go'],
    ['`kubectl` fails', 'kubectl-fails'],
    ['snake_case stays', 'snake_case-stays'],
    ['Ünïcode Straße', 'ünïcode-straße'],
    ['KubePodCrashLooping 🔥', 'kubepodcrashlooping-'],
  ])('%s → %s', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });
});

describe('anchorsOf', () => {
  it('numbers a repeated heading, reads {#id} and <a name>, and not what a code block shows', () => {
    const view = parseRunbook(
      '# Alerts\n\n## Usage\n\n## Usage\n\n## Slow {#payments-slow}\n\n<a id="errors"></a>\n\n```html\n<a name="in-code"></a>\n```\n',
    );
    const ids = anchorsOf(view).map((a) => a.id);
    expect(ids).toEqual(['alerts', 'usage', 'usage-1', 'payments-slow', 'errors']);
    expect(findAnchor(anchorsOf(view), 'USAGE-1')?.line).toBe(5);
    expect(findAnchor(anchorsOf(view), 'user-content-usage')?.line).toBe(3);
    expect(findAnchor(anchorsOf(view), 'in-code')).toBeUndefined();
  });
});

describe('alert-runbook on a GitHub URL', () => {
  const rules = (url: string) =>
    `groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: up == 0\n        annotations:\n          runbook_url: ${url}\n`;
  const config = withRepository(loadConfig('rules:\n  alert-runbook: error\n', 'x.yml'), {
    host: 'github.com',
    owner: 'acme',
    repo: 'payments',
  });
  const findings = (url: string, baseBranch?: string) =>
    check({
      files: [
        { path: 'monitoring/payments.rules.yml', kind: 'manifest', text: rules(url) },
        { path: 'docs/runbooks/payments.md', kind: 'runbook', text: '# Payments\n\n## Down\n', companion: true },
      ],
      config,
      ...(baseBranch !== undefined ? { pullRequest: { baseBranch } } : {}),
    })
      .findings.filter((f) => f.ruleId === 'alert-runbook')
      .map((f) => `${f.line} ${f.severity} ${f.message}`);
  const url = (ref: string, anchor = '') =>
    `https://github.com/acme/payments/blob/${ref}/docs/runbooks/payments.md${anchor}`;

  it('passes the branch being merged, and a link that names its section', () => {
    expect(findings(url('main', '#down'), 'main')).toEqual([]);
    expect(findings(url('main'))).toEqual([]);
  });

  it('warns of a link to another branch, or to a commit where the branch is not known', () => {
    expect(findings(url('stale-2023'), 'main')).toEqual([
      '7 warning Alert "PaymentsDown" links its runbook at stale-2023, not on main, the branch this pull request merges into: on-call reads the runbook as it is there, and the gate checked it as this change leaves it. Link main.',
    ]);
    expect(findings(url('0123abcd'))).toHaveLength(1);
    expect(findings(url('stale-2023'))).toEqual([]);
  });

  it('fails a fragment that names no section, and a path with .. in it', () => {
    expect(findings(url('main', '#up'), 'main')).toEqual([
      '7 error Alert "PaymentsDown" links docs/runbooks/payments.md#up, and docs/runbooks/payments.md has no such anchor: on-call lands at the top of the file. Link the alert\'s own section (anchors are made as GitHub makes them: lower case, punctuation dropped, spaces as -), or write that section.',
    ]);
    expect(findings('https://github.com/acme/payments/blob/main/docs/../../x/docs/runbooks/payments.md')[0]).toMatch(
      /whose `\.` or `\.\.` segments a browser resolves/,
    );
  });
});
