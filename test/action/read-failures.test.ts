// A read that fails past its retries is a finding of the run, and the verdict is still published:
// check run, comment (when the comments could be read), job summary, outputs and exit code.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import { BASE, GOOD_BODY, HEAD, pullRequestEvent, reviewEvent, scenario } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const pullEvent = { event: 'pull_request', payload: pullRequestEvent() };
/** GitHub failing every try at `path`, asking each time to retry at once. */
const failing = (path: RegExp, method = 'GET') => ({
  method,
  path,
  status: 502,
  headers: { 'retry-after': '0' },
  message: 'Bad Gateway',
  times: 100,
});
const readFailed = (run: Awaited<ReturnType<typeof runAction>>) =>
  run.report!.findings.filter((f) => f.ruleId === 'read-failed').map((f) => [f.source, f.message]);

describe('reads that fail past their retries', () => {
  it('the changed-files list: a finding, the rest still checked, the verdict published everywhere', async () => {
    gh = await scenario();
    gh.faults.push(failing(/\/pulls\/7\/files$/));
    const run = await runAction(gh, pullEvent);
    expect(readFailed(run)).toEqual([
      [
        'pull-request',
        'Could not read the list of changed files: GitHub answered 502 on GET /repos/octo-org/octo-repo/pulls/7/files: Bad Gateway. The gate fails until it can read what it checks; re-run the job.',
      ],
    ]);
    // The description and the runbook it links were still read and checked.
    expect(run.report!.passed.map((p) => p.ruleId)).toContain('runbook-exists');
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ conclusion: 'failure', errors: '1' });
    expect(gh.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([[HEAD, 'failure']]);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('Could not read the list of changed files');
    expect(run.summary).toContain('Could not read the list of changed files');
  });

  it('the config at the base commit: a finding on the config, never the built-in rules in its place', async () => {
    gh = await scenario();
    gh.faults.push(failing(/readiness-gate\.yml$/));
    const run = await runAction(gh, pullEvent);
    expect(readFailed(run)).toEqual([
      [
        '.github/readiness-gate.yml',
        `Could not read the config at the base commit ${BASE.slice(0, 7)}: GitHub answered 502 on GET /repos/octo-org/octo-repo/contents/.github/readiness-gate.yml: Bad Gateway. The gate fails until it can read what it checks; re-run the job.`,
      ],
    ]);
    expect(run.code).toBe(1);
    expect(gh.checkRuns.map((c) => c.conclusion)).toEqual(['failure']);
    expect(gh.comments).toHaveLength(1);
    expect(run.outputs.conclusion).toBe('failure');
  });

  it('the reviews sign-off rests on: a finding, not a sign-off that is simply missing', async () => {
    gh = await scenario({ body: GOOD_BODY });
    gh.setFile(BASE, '.github/readiness-gate.yml', 'sign-off:\n  reviewers: [sre-lead]\n');
    gh.faults.push(failing(/\/pulls\/7\/reviews$/));
    const run = await runAction(gh, { event: 'pull_request_review', payload: reviewEvent() });
    expect(readFailed(run)).toEqual([
      [
        'pull-request',
        'Could not read the reviews, comments and reviewers that sign-off and approvals rest on: GitHub answered 502 on GET /repos/octo-org/octo-repo/pulls/7/reviews: Bad Gateway. The gate fails until it can read what it checks; re-run the job.',
      ],
    ]);
    expect(run.code).toBe(1);
    expect(gh.checkRuns.map((c) => c.conclusion)).toEqual(['failure']);
  });

  it('team membership: a finding', async () => {
    gh = await scenario();
    gh.setFile(BASE, '.github/readiness-gate.yml', 'sign-off:\n  reviewers: [octo-org/sre]\n');
    gh.tokens.set('ghs_write', { login: 'github-actions[bot]', type: 'Bot', write: true, readOrg: true });
    gh.teams.set('octo-org/sre', ['alice']);
    gh.addReview('alice', 'APPROVED', HEAD);
    gh.faults.push(failing(/\/memberships\/alice$/));
    const run = await runAction(gh, pullEvent);
    expect(readFailed(run).map(([, m]) => m!.split(':')[0])).toEqual([
      'Could not read the reviews, comments and reviewers that sign-off and approvals rest on',
    ]);
    expect(run.code).toBe(1);
    expect(gh.checkRuns.map((c) => c.conclusion)).toEqual(['failure']);
  });

  it('the comments, when only the sticky comment needs them: no finding, no second comment, the verdict stands', async () => {
    gh = await scenario();
    gh.faults.push(failing(/\/issues\/7\/comments$/));
    const run = await runAction(gh, pullEvent);
    expect(readFailed(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(gh.checkRuns.map((c) => c.conclusion)).toEqual(['success']);
    expect(gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toEqual([]);
    expect(run.summary).toContain(
      "Could not read the pull request's comments, so the comment is not written (it could be a duplicate).",
    );
  });
});
