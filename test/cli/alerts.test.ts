// The CLI on alerting rules: the runbooks they link read from the checkout, and, with --base-ref, the rules as
// the base commit has them (git show), so a changed query without its runbook is told as the action tells it.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { example } from '../helpers.js';
import { runCli } from './run.js';

const RULES = 'monitoring/payments.rules.yml';
const alerts = (expr: string) =>
  `groups:\n  - name: payments\n    rules:\n      - alert: PaymentsDown\n        expr: ${expr}\n        annotations:\n          runbook_url: https://runbooks.example.com/payments-down\n`;
const CONFIG = 'alerts:\n  runbook-urls:\n    - prefix: https://runbooks.example.com/\n      path: docs/runbooks/\n';

let dir: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { stdio: 'pipe' });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rg-alerts-'));
  await mkdir(path.join(dir, 'monitoring'));
  await mkdir(path.join(dir, 'docs/runbooks'), { recursive: true });
  await mkdir(path.join(dir, '.github'));
  await writeFile(path.join(dir, '.github/readiness-gate.yml'), CONFIG);
  await writeFile(path.join(dir, RULES), alerts('up == 0'));
  await writeFile(path.join(dir, 'docs/runbooks/payments-down.md'), example('runbooks/deploy-payments.md'));
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  await writeFile(path.join(dir, RULES), alerts('sum(up) < 2'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const drift = (out: string) =>
  (JSON.parse(out) as { findings: { ruleId: string; source: string; line: number }[] }).findings
    .filter((f) => f.ruleId.startsWith('alert-'))
    .map((f) => `${f.source}:${f.line} ${f.ruleId}`);

describe('readiness-gate check on alerting rules', () => {
  it('tells a changed query without its runbook with --base-ref, as the action does', async () => {
    const run = await runCli(['check', '--format', 'json', '--changed-files', '-', '--base-ref', 'HEAD'], {
      cwd: dir,
      input: `${RULES}\n`,
    });
    expect(drift(run.stdout)).toEqual([`${RULES}:4 alert-runbook-drift`]);
    // The runbook changed too: nothing to say.
    const both = await runCli(['check', '--format', 'json', '--changed-files', '-', '--base-ref', 'HEAD'], {
      cwd: dir,
      input: `${RULES}\ndocs/runbooks/payments-down.md\n`,
    });
    expect(drift(both.stdout)).toEqual([]);
  });

  it('follows an alert to the file it moved to: changed on the way is drift, moved as it was is not', async () => {
    const other = 'monitoring/other.rules.yml';
    const moved = async (expr: string) => {
      await rm(path.join(dir, RULES), { force: true });
      await writeFile(path.join(dir, other), alerts(expr));
      const run = await runCli(['check', '--format', 'json', '--changed-files', '-', '--base-ref', 'HEAD'], {
        cwd: dir,
        input: `D\t${RULES}\nA\t${other}\n`,
      });
      return JSON.parse(run.stdout) as {
        findings: { ruleId: string; source: string; line: number; message: string }[];
      };
    };
    const changed = await moved('sum(up) < 2');
    expect(
      changed.findings
        .filter((f) => f.ruleId === 'alert-runbook-drift')
        .map((f) => `${f.source}:${f.line} ${f.message}`),
    ).toEqual([
      `${other}:4 Alert "PaymentsDown" moved here from ${RULES} and changed its expr on the way, but its runbook docs/runbooks/payments-down.md did not change in this pull request. Update the runbook with the change: what fires the alert is what on-call reads it for.`,
    ]);
    expect(drift(JSON.stringify(await moved('up == 0')))).toEqual([]);
  });

  it('takes an alert copied to another file, still where it was, as new there', async () => {
    const other = 'monitoring/other.rules.yml';
    await writeFile(
      path.join(dir, RULES),
      `${alerts('up == 0')}      - alert: PaymentsSlow\n        expr: slow > 2\n        annotations:\n          runbook_url: https://runbooks.example.com/payments-down\n`,
    );
    await writeFile(path.join(dir, other), alerts('sum(up) < 2'));
    const run = await runCli(['check', '--format', 'json', '--changed-files', '-', '--base-ref', 'HEAD'], {
      cwd: dir,
      input: `M\t${RULES}\nA\t${other}\n`,
    });
    expect(drift(run.stdout)).toEqual([]);
  });

  it('reads the base from the disk without --base-ref, so it sees no change', async () => {
    const run = await runCli(['check', '--format', 'json', '--changed-files', '-'], { cwd: dir, input: `${RULES}\n` });
    expect(drift(run.stdout)).toEqual([]);
  });

  it('refuses a --base-ref that names no commit, and one that reads as an option', async () => {
    for (const ref of ['no-such-branch', '--output=/tmp/x']) {
      const run = await runCli(['check', `--base-ref=${ref}`, RULES], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--base-ref ${ref}: no such commit`);
    }
  });

  it('fails an alert whose runbook the checkout does not have', async () => {
    await rm(path.join(dir, 'docs/runbooks/payments-down.md'));
    const run = await runCli(['check', '--format', 'json', RULES], { cwd: dir });
    expect(run.code).toBe(1);
    expect(drift(run.stdout)).toEqual([`${RULES}:7 alert-runbook`]);
  });

  it('traces a renamed runbook to the alerts and runbooks that still link it, with git grep', async () => {
    await writeFile(
      path.join(dir, 'docs/runbooks/payments-slow.md'),
      '# Payments slow\n\nSee [down](./payments-down.md).\n',
    );
    git('add', '.');
    git('commit', '-q', '-m', 'more');
    git('mv', 'docs/runbooks/payments-down.md', 'docs/runbooks/payments-unavailable.md');
    const run = await runCli(['check', '--format', 'json', '--changed-files', '-', '--base-ref', 'HEAD'], {
      cwd: dir,
      input: 'R100\tdocs/runbooks/payments-down.md\tdocs/runbooks/payments-unavailable.md\n',
    });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; source: string; line: number }[] };
    // Only the links to the old name are this pull request's: payments-slow.md has none of the template's sections.
    expect(
      report.findings
        .filter((f) => f.source !== 'docs/runbooks/payments-unavailable.md')
        .map((f) => `${f.source}:${f.line} ${f.ruleId}`),
    ).toEqual(['docs/runbooks/payments-slow.md:3 runbook-link-removed', `${RULES}:7 alert-runbook-removed`]);
    expect(run.code).toBe(1);
  });

  it('reads a rule file written as JSON, as Prometheus loads it', async () => {
    const json = 'monitoring/payments.rules.json';
    const rules = {
      groups: [
        {
          name: 'payments',
          rules: [
            {
              alert: 'PaymentsDown',
              expr: 'up == 0',
              annotations: { runbook_url: 'https://runbooks.example.com/payments-down' },
            },
            { alert: 'PaymentsSlow', expr: 'slow > 2', annotations: { summary: 'slow' } },
          ],
        },
      ],
    };
    await writeFile(path.join(dir, json), `${JSON.stringify(rules, null, 2)}\n`);
    const run = await runCli(['check', '--format', 'json', json], { cwd: dir });
    expect(run.code).toBe(1);
    // PaymentsSlow has no runbook; PaymentsDown's is in the checkout.
    expect(drift(run.stdout)).toEqual([`${json}:14 alert-runbook`]);
  });

  it('audits the repository with no file named: each alert against its runbook, and the runbook no alert links', async () => {
    await writeFile(path.join(dir, 'docs/runbooks/payments-old.md'), example('runbooks/deploy-payments.md'));
    const run = await runCli(['check', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as {
      findings: { ruleId: string; source: string }[];
      documents: { source: string }[];
    };
    expect(report.findings.filter((f) => f.ruleId === 'runbook-orphan').map((f) => f.source)).toEqual([
      'docs/runbooks/payments-old.md',
    ]);
    expect(report.documents.map((d) => d.source)).toEqual(
      expect.arrayContaining([RULES, 'docs/runbooks/payments-down.md']),
    );
  });
});
