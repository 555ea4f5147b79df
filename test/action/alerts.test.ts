// Alerting rules a pull request changes, against the local GitHub: each alert's runbook resolved through the
// base branch's config, read at the head commit even when the pull request does not change it, and checked
// against the template; an alert whose query changed owes its runbook a change.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import { BASE, HEAD, pullRequestEvent, scenario, text } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const RULES = 'monitoring/payments.rules.yml';
const CONFIG = `alerts:
  runbook-urls:
    - prefix: https://runbooks.example.com/
      path: docs/runbooks/
`;
const alerts = (expr = 'sum(rate(payments_errors_total[5m])) / sum(rate(payments_total[5m])) > 0.01') =>
  `groups:\n  - name: payments\n    rules:\n      - alert: PaymentsErrorRatio\n        expr: ${expr}\n        for: 5m\n        labels:\n          severity: critical\n        annotations:\n          runbook_url: https://runbooks.example.com/payments-errors\n`;
const RUNBOOK = text('examples/runbooks/deploy-payments.md');

async function withAlerts(files: { filename: string; status: string }[]): Promise<FakeGitHub> {
  const repo = await scenario({
    files: [{ filename: 'docs/runbooks/deploy-payments.md', status: 'modified' }, ...files],
  });
  repo.setFile(BASE, '.github/readiness-gate.yml', CONFIG);
  repo.setFile(HEAD, RULES, alerts());
  return repo;
}

const found = (run: Awaited<ReturnType<typeof runAction>>, prefix: string) =>
  run.report!.findings.filter((f) => f.ruleId.startsWith(prefix)).map((f) => `${f.source}:${f.line} ${f.ruleId}`);

describe('alerting rules and their runbooks', () => {
  it('fails an added alert whose runbook is not in the repository, and the ticked Alerts claim with it', async () => {
    gh = await withAlerts([{ filename: RULES, status: 'added' }]);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(run.code).toBe(1);
    expect(run.report!.findings.find((f) => f.ruleId === 'alert-runbook')).toMatchObject({
      source: RULES,
      line: 10,
      severity: 'error',
      message:
        'Alert "PaymentsErrorRatio" links https://runbooks.example.com/payments-errors, which is docs/runbooks/payments-errors.md, and there is no such file at the head commit. Write the runbook (the pull request that adds an alert brings its runbook), or fix the link.',
    });
    // The description ticks "Alerts"; the alert it adds has no runbook.
    expect(run.report!.findings.find((f) => f.ruleId === 'claim-contradicted')?.message).toMatch(
      /^"Alerts" is ticked, but monitoring\/payments\.rules\.yml:10 says otherwise \(alert-runbook\): Alert "PaymentsErrorRatio" links/,
    );
    // The runbook was looked for at the head commit, once, and its folder listed for another case.
    const reads = gh.requests.filter((r) => r.path.endsWith('/contents/docs/runbooks/payments-errors.md'));
    expect(reads.map((r) => r.query.ref)).toEqual([HEAD]);
  });

  it('reads the runbook an alert links though the pull request does not change it, and checks it against the template', async () => {
    gh = await withAlerts([{ filename: RULES, status: 'added' }]);
    // Found without regard to case: the site serves Payments-Errors.md as payments-errors.
    gh.setFile(HEAD, 'docs/runbooks/Payments-Errors.md', RUNBOOK.replace(/## Rollback Procedure[\s\S]*?(?=## )/, ''));
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(found(run, 'alert-')).toEqual([]);
    expect(
      run.report!.findings.filter((f) => f.source === 'docs/runbooks/Payments-Errors.md').map((f) => f.ruleId),
    ).toEqual(['runbook-section']);
    const documents = run.report!.documents as { source: string }[];
    expect(documents.map((d) => d.source)).toContain('docs/runbooks/Payments-Errors.md');
  });

  it('warns when an alert’s query changed and its runbook did not, and not once the runbook changes too', async () => {
    gh = await withAlerts([{ filename: RULES, status: 'modified' }]);
    gh.setFile(BASE, RULES, alerts('sum(rate(payments_errors_total[5m])) > 10'));
    gh.setFile(HEAD, 'docs/runbooks/payments-errors.md', RUNBOOK);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(found(run, 'alert-')).toEqual([`${RULES}:4 alert-runbook-drift`]);
    expect(run.report!.findings.find((f) => f.ruleId === 'alert-runbook-drift')!.severity).toBe('warning');

    await gh.stop();
    gh = await withAlerts([
      { filename: RULES, status: 'modified' },
      { filename: 'docs/runbooks/payments-errors.md', status: 'modified' },
    ]);
    gh.setFile(BASE, RULES, alerts('sum(rate(payments_errors_total[5m])) > 10'));
    gh.setFile(HEAD, 'docs/runbooks/payments-errors.md', RUNBOOK);
    const updated = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(found(updated, 'alert-')).toEqual([]);
  });

  it('takes the alert config from the base branch only: a pull request cannot point its alerts elsewhere', async () => {
    gh = await withAlerts([
      { filename: RULES, status: 'added' },
      { filename: '.github/readiness-gate.yml', status: 'modified' },
    ]);
    gh.setFile(HEAD, '.github/readiness-gate.yml', 'runbooks:\n  external: [https://runbooks.example.com/]\n');
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(found(run, 'alert-')).toEqual([`${RULES}:10 alert-runbook`]);
  });

  it('reads a runbook the description links and an alert links once, for both', async () => {
    gh = await withAlerts([{ filename: RULES, status: 'added' }]);
    gh.setFile(HEAD, RULES, alerts().replace('payments-errors', 'deploy-payments'));
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(found(run, 'alert-')).toEqual([]);
    expect(gh.requests.filter((r) => r.path.endsWith('/contents/docs/runbooks/deploy-payments.md'))).toHaveLength(1);
  });
});

describe('a runbook the pull request renames or removes', () => {
  it('is traced to the alerts and runbooks that still link it, in files the pull request does not touch', async () => {
    gh = await scenario({
      files: [
        {
          filename: 'docs/runbooks/payments-error-ratio.md',
          status: 'renamed',
          previous_filename: 'docs/runbooks/payments-errors.md',
        },
      ],
    });
    gh.setFile(BASE, '.github/readiness-gate.yml', CONFIG);
    // Unchanged, on both sides: an alert file and a runbook that link the old name. The runbook has no sections
    // the template wants: not this pull request's to say.
    const linking = '# Payments latency\n\nIf errors rise too, see [the errors runbook](payments-errors.md).\n';
    for (const sha of [BASE, HEAD]) {
      gh.setFile(sha, RULES, alerts());
      gh.setFile(sha, 'docs/runbooks/payments-latency.md', linking);
    }
    gh.setFile(BASE, 'docs/runbooks/payments-errors.md', RUNBOOK);
    gh.setFile(HEAD, 'docs/runbooks/payments-error-ratio.md', RUNBOOK);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(run.code).toBe(1);
    const traced = ['docs/runbooks/payments-latency.md', RULES];
    expect(
      run
        .report!.findings.filter((f) => traced.includes(f.source))
        .map((f) => `${f.source}:${f.line} ${f.ruleId} ${f.message}`),
    ).toEqual([
      `${RULES}:10 alert-runbook-removed Alert "PaymentsErrorRatio" links docs/runbooks/payments-errors.md, which this pull request renames to docs/runbooks/payments-error-ratio.md: when it fires, on-call gets a dead link. Link docs/runbooks/payments-error-ratio.md.`,
      'docs/runbooks/payments-latency.md:3 runbook-link-removed This runbook links docs/runbooks/payments-errors.md, which this pull request renames to docs/runbooks/payments-error-ratio.md: a reader following it gets a dead link. Link docs/runbooks/payments-error-ratio.md.',
    ]);
    // One search, for the runbook's name; the two files read at the head commit.
    expect(gh.requests.filter((r) => r.path === '/search/code').map((r) => r.query.q)).toEqual([
      '"payments-errors" repo:octo-org/octo-repo',
    ]);
    expect(run.summary).toContain(
      '`docs/runbooks/payments-errors.md` removed or renamed: 2 files of alerts or runbooks that mention it were read for links to it.',
    );
  });

  it('still gates when the search is refused, and says the links were not looked for', async () => {
    gh = await scenario({ files: [{ filename: 'docs/runbooks/payments-errors.md', status: 'removed' }] });
    gh.setFile(BASE, '.github/readiness-gate.yml', CONFIG);
    gh.setFile(BASE, RULES, alerts());
    gh.setFile(HEAD, RULES, alerts());
    gh.searchRefused = true;
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    // The alert links a runbook that is gone: the gate says so from the file it reads anyway.
    expect(run.report!.findings.map((f) => f.ruleId)).not.toContain('alert-runbook');
    expect(run.summary).toContain(
      '`docs/runbooks/payments-errors.md` removed or renamed: the files that link it were not looked for (the search was not available).',
    );
  });
});
