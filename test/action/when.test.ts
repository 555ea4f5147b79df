// Proportional gates end to end: the action from source against the local GitHub.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import { BASE, GOOD_BODY, HEAD, pullRequestEvent, scenario, text } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});
const pullEvent = { event: 'pull_request', payload: pullRequestEvent() };
const CONFIG = `when:
  - name: Database migrations
    changed-files: ['migrations/**', 'db/**/*.sql']
    require: { items: [Database Migrations] }
  - name: High risk
    risk-level: High
    base-branches: [main]
    require: { approvals: 2, reviewers: [alice, octo-org/sre] }
  - name: Hotfix label
    labels: [hotfix]
    require: { sections: [Operations Review] }
skip:
  only-changed-files: ['docs/**', '**/*.md']
`;
const rules = (run: Awaited<ReturnType<typeof runAction>>) =>
  run.report!.findings.map((f) => `${f.ruleId}: ${f.message}`);

async function setUp(pull: Parameters<typeof scenario>[0] = {}): Promise<FakeGitHub> {
  const fake = await scenario(pull);
  fake.setFile(BASE, '.github/readiness-gate.yml', CONFIG);
  return fake;
}

describe('when entries', () => {
  it('a changed migration refuses the waived Database Migrations item, naming the file', async () => {
    gh = await setUp({ files: [{ filename: 'db/migrations/0042_add_index.sql', status: 'added' }] });
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(rules(run)).toEqual([
      'when-item: Waiver not accepted: "Database migrations" matched db/migrations/0042_add_index.sql, so "Database Migrations" must be ticked.',
    ]);
    expect(run.summary).toContain('### Why this pull request owes more');
    expect(run.report).toMatchObject({
      matched: [{ name: 'Database migrations', reasons: ['changed files: db/migrations/0042_add_index.sql'] }],
    });
  });

  it('matches both sides of a rename, and removed files', async () => {
    gh = await setUp({
      files: [
        { filename: 'archive/0001.sql', status: 'renamed', previous_filename: 'migrations/0001.sql' },
        { filename: 'db/x.sql', status: 'removed' },
      ],
    });
    const run = await runAction(gh, pullEvent);
    expect(run.report).toMatchObject({
      matched: [{ name: 'Database migrations', reasons: ['changed files: migrations/0001.sql, db/x.sql'] }],
    });
  });

  it('a docs-only pull request passes without a runbook and says why', async () => {
    gh = await setUp({
      body: '## Summary\nFix a typo.\n',
      files: [{ filename: 'docs/guide.md', status: 'modified' }],
    });
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(0);
    expect(run.summary).toContain('> Skipped: only files matching `docs/**`, `**/*.md` changed (`docs/guide.md`).');
    expect(gh.checkRuns.map((c) => [c.conclusion, c.output.title])).toEqual([['success', 'Skipped']]);
  });

  it('a changed runbook is never docs-only', async () => {
    gh = await setUp({
      body: '## Summary\nFix a typo.\n',
      files: [{ filename: 'docs/runbooks/deploy-payments.md', status: 'modified' }],
    });
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(run.summary).not.toContain('Skipped');
  });

  it('a High-risk runbook needs two distinct authorised approvals on the head', async () => {
    gh = await setUp();
    gh.setFile(
      HEAD,
      'docs/runbooks/deploy-payments.md',
      text('examples/runbooks/deploy-payments.md')
        .replace('Medium', 'High')
        .replace(/- \[ \]/g, '- [x]'),
    );
    gh.teams.set('octo-org/sre', ['bob']);
    gh.addReview('alice', 'APPROVED', HEAD);
    // Team membership needs a token that can read the organisation's teams (an App's).
    const app = { ...pullEvent, token: 'ghs_app', inputs: { 'bot-login': 'readiness-app[bot]' } };
    const once = await runAction(gh, app);
    expect(once.code).toBe(1);
    expect(rules(once)).toEqual([
      `when-approvals: "High risk" matched (base branch: main; a linked runbook's Risk Level is High): it needs 2 approvals on ${HEAD.slice(0, 7)} by @alice, the octo-org/sre team; it has 1 (@alice).`,
    ]);
    gh.addReview('bob', 'APPROVED', HEAD);
    const twice = await runAction(gh, app);
    expect(rules(twice)).toEqual([]);
    expect(twice.code).toBe(0);
  });

  it('no entry asks for approvals: no review is read', async () => {
    gh = await scenario();
    gh.setFile(
      BASE,
      '.github/readiness-gate.yml',
      'when:\n  - name: Hotfix\n    labels: [hotfix]\n    require: {sections: [Operations Review]}\n',
    );
    await runAction(gh, pullEvent);
    expect(gh.calls().filter((c) => c.includes('/reviews'))).toEqual([]);
  });

  it('a label added after the event triggers its entry (the pull request is read fresh)', async () => {
    gh = await setUp({ labels: ['hotfix'] });
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent('opened') });
    expect(rules(run)).toEqual([
      'when-section: "Hotfix label" matched (label: hotfix): add a "## Operations Review" section.',
    ]);
  });

  it('past 3,000 changed files (paged), warns that the list is cut short and does not skip as docs-only', async () => {
    const files = Array.from({ length: 3200 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'modified' }));
    gh = await setUp({ body: GOOD_BODY, files });
    const run = await runAction(gh, pullEvent);
    expect(run.summary).not.toContain('Skipped');
    expect(rules(run)).toContain(
      'when-files-truncated: GitHub lists only the first 3000 of 3200 changed files: `when` entries were matched against those, and skip.only-changed-files does not apply.',
    );
    expect(gh.calls().filter((c) => c.endsWith('/files'))).toHaveLength(30);
    // The 200 files GitHub did not list may be runbooks or deployment files: the gate fails closed.
    expect(run.report!.findings.filter((f) => f.ruleId === 'read-failed').map((f) => f.message)).toEqual([
      "Could not read all of the changed files: GitHub lists at most 3000 of a pull request's files, and this one changes 3200; 200 were not listed, so the gate cannot tell which of them it should check. Split the pull request. The gate fails until it can read what it checks.",
    ]);
    expect(run.outputs.conclusion).toBe('failure');
  });
});
