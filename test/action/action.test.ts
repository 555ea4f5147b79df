// The built action end to end: dist/index.js against the local fake GitHub.
import { afterEach, describe, expect, it } from 'vitest';
import { MARKER } from '../../src/github/comment.js';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import {
  BASE,
  dispatchEvent,
  GOOD_BODY,
  HEAD,
  mergeGroupEvent,
  NUMBER,
  pullRequestEvent,
  scenario,
  text,
  workflowRunEvent,
} from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const repoPath = (p: string) => `/repos/octo-org/octo-repo${p}`;
const pullEvent = { event: 'pull_request', payload: pullRequestEvent() };

describe('the action on a pull request', () => {
  it('passes a ready pull request: check run, no comment by default, summary, outputs, exit 0', async () => {
    gh = await scenario();
    const run = await runAction(gh, pullEvent);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ conclusion: 'success', errors: '0', warnings: '0' });
    expect(run.report).toMatchObject({ conclusion: 'success', errors: 0, warnings: 0, findings: [] });
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({
      name: 'Production readiness',
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Passed (0 errors, 0 warnings)' },
    });
    // A pass on a pull request with no earlier comment writes none: the check run says it passed.
    expect(gh.comments).toEqual([]);
    expect(run.summary).toContain('## ✅ Production readiness: passed (0 errors, 0 warnings)');
    expect(run.summary).toContain('**Database Migrations** (Deployment');
    // GitHub shows the check's name and title above its summary: the summary does not open by saying them again.
    const summary = gh.checkRuns[0]!.output.summary!;
    expect(summary).not.toContain('Production readiness: passed');
    expect(summary).toContain('**Database Migrations** (Deployment');
    // Independent requests go out together, so only the set is fixed.
    expect(gh.calls().sort()).toEqual(
      [
        `GET ${repoPath(`/pulls/${NUMBER}`)}`,
        `GET ${repoPath('/contents/.github/readiness-gate.yml')}`,
        // The repository's pull-request templates, looked for at the base commit with the config.
        'POST /graphql',
        `GET ${repoPath(`/pulls/${NUMBER}/files`)}`,
        `GET ${repoPath('/contents/docs/runbooks/deploy-payments.md')}`,
        `POST ${repoPath('/check-runs')}`,
        `GET ${repoPath(`/pulls/${NUMBER}`)}`,
        // The comments are listed, for an earlier comment to turn green.
        `GET ${repoPath(`/issues/${NUMBER}/comments`)}`,
      ].sort(),
    );
    expect(gh.requests.find((r) => r.path.endsWith('readiness-gate.yml'))!.query.ref).toBe(BASE);
    expect(gh.requests.find((r) => r.path.endsWith('deploy-payments.md'))!.query.ref).toBe(HEAD);
    expect(gh.requests.every((r) => r.headers['accept-encoding'] === undefined)).toBe(true);
    expect(gh.requests.every((r) => String(r.headers['user-agent']).startsWith('readiness-gate '))).toBe(true);
  });

  it('fails a pull request whose runbook is not ready: annotations at the lines, exit 1', async () => {
    gh = await scenario();
    gh.setFile(HEAD, 'docs/runbooks/deploy-payments.md', text('examples/runbooks/rotate-certs.md'));
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::Production readiness failed: 8 errors, 1 warning.');
    expect(run.outputs).toMatchObject({ conclusion: 'failure', errors: '8', warnings: '1' });
    const [checkRun] = gh.checkRuns;
    expect(checkRun).toMatchObject({ conclusion: 'failure', output: { title: 'Failed: 8 errors, 1 warning' } });
    expect(checkRun!.output.annotations).toHaveLength(9);
    // The same findings as SARIF for code scanning: one result per annotation, at the same place.
    const sarif = run.sarif as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.region.startLine])).toEqual(
      checkRun!.output.annotations.map((a) => [
        (a as { title: string }).title,
        (a as { start_line: number }).start_line,
      ]),
    );
    expect(checkRun!.output.annotations[0]).toEqual({
      path: 'docs/runbooks/deploy-payments.md',
      start_line: 4,
      end_line: 4,
      annotation_level: 'failure',
      message: 'Template placeholder "[What this does]" left in. Replace it with the real command or text.',
      title: 'runbook-placeholder',
    });
    expect(checkRun!.output.summary).toContain(
      `[line 4](https://github.com/octo-org/octo-repo/blob/${HEAD}/docs/runbooks/deploy-payments.md?plain=1#L4)`,
    );
    expect(gh.comments[0]!.body).toContain('## ❌ Production readiness: failed (8 errors, 1 warning)');
  });

  it('reads the pull request fresh: a re-run with a stale payload counts ticks made since', async () => {
    gh = await scenario();
    const stale = GOOD_BODY.replace(/- \[x\]/g, '- [ ]');
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent('opened', stale) });
    expect(run.code).toBe(0);
    expect(gh.checkRuns[0]!.conclusion).toBe('success');
  });

  it('keeps one sticky comment: updates it in place, leaves it alone when unchanged', async () => {
    gh = await scenario();
    const old = gh.addComment(
      `${MARKER}\n## ❌ Production readiness: failed (3 errors, 0 warnings)`,
      'github-actions[bot]',
      'Bot',
    );
    await runAction(gh, pullEvent);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.id).toBe(old.id);
    expect(gh.comments[0]!.body).toContain('passed');
    const patches = () =>
      gh.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/issues/comments/')).length;
    expect(patches()).toBe(1);
    await runAction(gh, pullEvent);
    expect(patches()).toBe(1);
    expect(gh.comments).toHaveLength(1);
  });

  it('removes duplicate comments of its own, never touches anyone else’s, even with the marker', async () => {
    gh = await scenario();
    const human = gh.addComment(`${MARKER}\nI copied the marker`, 'mallory');
    const mine = gh.addComment(`${MARKER}\nold`, 'github-actions[bot]', 'Bot');
    gh.addComment(`${MARKER}\nolder duplicate`, 'github-actions[bot]', 'Bot');
    await runAction(gh, pullEvent);
    expect(gh.comments.map((c) => [c.id, c.login])).toEqual([
      [human.id, 'mallory'],
      [mine.id, 'github-actions[bot]'],
    ]);
    expect(gh.comments[0]!.body).toBe(`${MARKER}\nI copied the marker`);
    expect(gh.comments[1]!.body).toContain('passed');
  });

  it('reads every page of changed files and comments: finds the runbook and its own comment past page one', async () => {
    gh = await scenario();
    const pull = gh.pulls.get(NUMBER)!;
    pull.files = Array.from({ length: 230 }, (_, i) => ({ filename: `src/file-${i}.ts`, status: 'modified' }));
    pull.files.push({ filename: 'docs/runbooks/rotate.md', status: 'added' });
    gh.setFile(HEAD, 'docs/runbooks/rotate.md', text('examples/runbooks/rotate-certs.md'));
    for (let i = 0; i < 150; i++) gh.addComment(`comment ${i}`, `user${i}`);
    const mine = gh.addComment(`${MARKER}\nold`, 'github-actions[bot]', 'Bot');
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(run.report!.findings.some((f) => f.source === 'docs/runbooks/rotate.md')).toBe(true);
    expect(gh.requests.filter((r) => r.path.endsWith('/files')).map((r) => r.query.page ?? '1')).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(gh.comments.filter((c) => c.body.startsWith(MARKER)).map((c) => c.id)).toEqual([mine.id]);
    expect(gh.comments.at(-1)!.body).toContain('failed');
  });

  it('with comment: always, a pass writes one comment; by default a pass creates nothing but turns an existing comment green', async () => {
    gh = await scenario();
    await runAction(gh, { ...pullEvent, inputs: { comment: 'always' } });
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.login).toBe('github-actions[bot]');
    expect(gh.comments[0]!.body.startsWith(`${MARKER}\n## ✅ Production readiness: passed`)).toBe(true);
    // After creating its comment, the action lists again: a concurrent run may have created one too.
    expect(gh.calls().filter((c) => c.endsWith(`/issues/${NUMBER}/comments`))).toEqual([
      `GET ${repoPath(`/issues/${NUMBER}/comments`)}`,
      `POST ${repoPath(`/issues/${NUMBER}/comments`)}`,
      `GET ${repoPath(`/issues/${NUMBER}/comments`)}`,
    ]);
    await gh.stop();

    gh = await scenario();
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(0);
    expect(gh.comments).toEqual([]);
    gh.addComment(`${MARKER}\n## ❌ failed`, 'github-actions[bot]', 'Bot');
    await runAction(gh, pullEvent);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('## ✅ Production readiness: passed');
  });

  it('sends many annotations 50 at a time: create, then updates', async () => {
    gh = await scenario();
    const many = `${text('examples/runbooks/deploy-payments.md')}\n${Array.from({ length: 120 }, (_, i) => `- Note ${i}: [Time]`).join('\n')}\n`;
    gh.setFile(HEAD, 'docs/runbooks/deploy-payments.md', many);
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(gh.checkRuns[0]!.output.annotations).toHaveLength(120);
    const writes = gh.requests.filter((r) => r.path.includes('/check-runs'));
    expect(
      writes.map((r) => [r.method, (r.body as { output: { annotations: unknown[] } }).output.annotations.length]),
    ).toEqual([
      ['POST', 50],
      ['PATCH', 50],
      ['PATCH', 20],
    ]);
  });

  it('keeps oversized reports within GitHub’s limits', async () => {
    gh = await scenario();
    const huge = `${text('examples/runbooks/deploy-payments.md')}\n${Array.from({ length: 4000 }, (_, i) => `- Step ${i}: [Command or action]`).join('\n')}\n`;
    gh.setFile(HEAD, 'docs/runbooks/deploy-payments.md', huge);
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(run.outputs.errors).toBe('4000');
    expect(gh.checkRuns[0]!.output.summary!.length).toBeLessThanOrEqual(65_535);
    expect(gh.checkRuns[0]!.output.summary).toContain('cut to fit GitHub');
    expect(gh.comments[0]!.body.length).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    expect(run.report!.findings).toHaveLength(4000);
  });

  it('neutralises mentions and HTML from the description before echoing them', async () => {
    gh = await scenario();
    const review =
      '\n## Operations Review\n### Deployment Assessment\n| Aspect | Status | Notes |\n|---|---|---|\n' +
      '| @octo-org/security &#64;admin <img src=x> | ❌ | |\n';
    gh.pulls.get(NUMBER)!.body = GOOD_BODY + review;
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    for (const body of [gh.comments[0]!.body, gh.checkRuns[0]!.output.summary!, run.summary]) {
      expect(body).toContain('@\u200bocto-org/security');
      expect(body).not.toMatch(/@(?!\u200b)/);
      expect(body).not.toContain('<img');
      expect(body).not.toContain('&#64;admin');
    }
  });
});

describe('configuration', () => {
  it('reads the config from the base commit; a config on the head branch is ignored', async () => {
    gh = await scenario({ body: '## Summary\nNothing else.\n' });
    gh.setFile(HEAD, '.github/readiness-gate.yml', 'extends: none\n');
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(run.report!.errors).toBe(5);
    gh.setFile(BASE, '.github/readiness-gate.yml', 'extends: none\n');
    const relaxed = await runAction(gh, pullEvent);
    expect(relaxed.code).toBe(0);
  });

  it('fails on a broken config with the file and line, without a stack trace', async () => {
    gh = await scenario();
    gh.setFile(BASE, '.github/readiness-gate.yml', 'rules:\n  item-checked: eror\n');
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(run.report!.findings).toEqual([
      expect.objectContaining({ ruleId: 'config-invalid', source: '.github/readiness-gate.yml', line: 2 }),
    ]);
    expect(gh.checkRuns[0]!.conclusion).toBe('failure');
    expect(gh.comments[0]!.body).toContain('.github/readiness-gate.yml');
    expect(run.summary).toContain('rules.item-checked');
    expect(run.summary).toContain('line 2');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('skips drafts and listed authors when configured', async () => {
    gh = await scenario({ draft: true, body: '' });
    gh.setFile(BASE, '.github/readiness-gate.yml', "skip:\n  drafts: true\n  authors: ['dependabot[bot]']\n");
    const draft = await runAction(gh, pullEvent);
    expect(draft.code).toBe(0);
    expect(draft.summary).toContain('Skipped: the pull request is a draft');
    const pull = gh.pulls.get(NUMBER)!;
    pull.draft = false;
    pull.author = 'dependabot[bot]';
    const bot = await runAction(gh, pullEvent);
    expect(bot.code).toBe(0);
    expect(bot.summary).toContain('Skipped: pull requests by dependabot[bot] are not gated.');
    pull.author = 'octocat';
    expect((await runAction(gh, pullEvent)).code).toBe(1);
  });

  it('skips by label with success and the reason', async () => {
    gh = await scenario({ labels: ['skip-readiness'], body: '' });
    gh.setFile(BASE, '.github/readiness-gate.yml', 'skip:\n  labels: [skip-readiness]\n');
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(0);
    expect(gh.checkRuns[0]).toMatchObject({ conclusion: 'success', output: { title: 'Skipped' } });
    expect(run.summary).toContain('Skipped: the pull request has the label "skip-readiness".');
  });
});

describe('events', () => {
  it('reports a merge group on its head SHA, evaluating the queued pull request', async () => {
    gh = await scenario();
    const run = await runAction(gh, { event: 'merge_group', payload: mergeGroupEvent('e1'.repeat(20)) });
    expect(run.code).toBe(0);
    expect(gh.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([['e1'.repeat(20), 'success']]);
    expect(gh.comments).toEqual([]);
  });

  it('takes workflow_dispatch with a pull-request number', async () => {
    gh = await scenario();
    const run = await runAction(gh, {
      event: 'workflow_dispatch',
      payload: dispatchEvent(),
      inputs: { 'pull-request': String(NUMBER) },
    });
    expect(run.code).toBe(0);
    expect(gh.checkRuns[0]!.head_sha).toBe(HEAD);
  });

  it('publishes from workflow_run, with the number passed in (fork runs carry none)', async () => {
    gh = await scenario();
    const payload = workflowRunEvent();
    expect((payload.workflow_run as { pull_requests: unknown[] }).pull_requests).toEqual([]);
    const run = await runAction(gh, {
      event: 'workflow_run',
      payload,
      inputs: { 'pull-request': String(NUMBER), comment: 'always' },
    });
    expect(run.code).toBe(0);
    expect(gh.checkRuns.map((c) => c.head_sha)).toEqual([HEAD]);
    expect(gh.comments).toHaveLength(1);
  });

  it('refuses a bad input before doing anything', async () => {
    gh = await scenario();
    const run = await runAction(gh, { ...pullEvent, inputs: { 'fail-job': 'sometimes' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::readiness-gate: input "fail-job" must be true or false, not "sometimes".');
    expect(gh.requests).toEqual([]);
  });

  it('refuses other events with one clear line', async () => {
    gh = await scenario();
    const run = await runAction(gh, { event: 'push', payload: {} });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::readiness-gate: the "push" event is not supported. Run on pull_request, pull_request_target, pull_request_review, merge_group, workflow_dispatch, workflow_run',
    );
    expect(gh.requests).toEqual([]);
  });

  it('leaves the comment to a newer run when the head moved during the check', async () => {
    gh = await scenario();
    gh.onPullRead = (pull, count) => {
      if (count === 1) pull.headSha = 'beef000000000000000000000000000000000002';
    };
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(0);
    expect(gh.checkRuns[0]!.head_sha).toBe(HEAD);
    expect(gh.comments).toEqual([]);
    expect(run.summary).toContain('The pull request moved on while c0ffee0 was checked');
  });
});

describe('faults', () => {
  it('still gates with a read-only token: warns once, summary, outputs and exit code', async () => {
    gh = await scenario();
    gh.setFile(HEAD, 'docs/runbooks/deploy-payments.md', text('examples/runbooks/rotate-certs.md'));
    const run = await runAction(gh, { ...pullEvent, token: 'ghs_read' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ conclusion: 'failure', errors: '8' });
    expect(run.stdout.match(/::warning::Could not write/g)).toHaveLength(1);
    expect(run.summary).toContain('Could not write the check run (HTTP 403)');
    // The writes (a GraphQL query is a read).
    expect(gh.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql').map((r) => r.status)).toEqual([403]);

    const passing = await scenario();
    await gh.stop();
    gh = passing;
    const ok = await runAction(gh, { ...pullEvent, token: 'ghs_read' });
    expect(ok.code).toBe(0);
    expect(ok.outputs.conclusion).toBe('success');
  });

  it('retries 5xx and a secondary rate limit, honouring retry-after', async () => {
    gh = await scenario();
    gh.faults.push({ method: 'GET', path: /\/pulls\/7$/, status: 502, message: 'Server Error', times: 1 });
    gh.faults.push({
      method: 'POST',
      path: /\/check-runs$/,
      status: 403,
      headers: { 'retry-after': '1' },
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      times: 1,
    });
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(0);
    // 404: the base branch has no config, so the built-in rules apply. The first reads go out together.
    expect(
      gh.requests
        .map((r) => r.status)
        .filter((s) => s >= 400)
        .sort(),
    ).toEqual([403, 404, 502]);
    expect(gh.checkRuns).toHaveLength(1);
    expect(run.stdout).toContain('secondary rate limit');
  });

  it('keeps the verdict when a write keeps failing: warning, summary, outputs, exit code', async () => {
    gh = await scenario();
    gh.setFile(HEAD, 'docs/runbooks/deploy-payments.md', text('examples/runbooks/rotate-certs.md'));
    gh.faults.push({
      method: 'POST',
      path: /\/issues\/7\/comments$/,
      status: 500,
      message: 'Server Error',
      times: 100,
    });
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ conclusion: 'failure', errors: '8' });
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.comments).toEqual([]);
    expect(run.stdout).toContain('::warning::Could not write the pull-request comment (HTTP 500: Server Error).');
    expect(run.summary).toContain('Could not write the pull-request comment');
  }, 40_000);

  it('still publishes a failing verdict when the pull request cannot be read: no token in the log', async () => {
    gh = await scenario();
    gh.faults.push({ method: 'GET', path: /\/pulls\/7$/, status: 503, message: 'Service Unavailable', times: 100 });
    const run = await runAction(gh, pullEvent);
    expect(run.code).toBe(1);
    // The first read and its three retries; nothing is read at the head commit, which only the pull request names.
    expect(gh.calls().filter((c) => c === `GET ${repoPath(`/pulls/${NUMBER}`)}`)).toHaveLength(4);
    expect(gh.calls().some((c) => c.includes('/contents/docs/'))).toBe(false);
    const because = `Could not read pull request #${NUMBER}: GitHub answered 503 on GET /repos/octo-org/octo-repo/pulls/${NUMBER}: Service Unavailable.`;
    expect(run.report!.findings).toEqual([
      expect.objectContaining({ ruleId: 'read-failed', severity: 'error', source: 'pull-request' }),
    ]);
    expect(run.report!.findings[0]!.message).toContain(because);
    // The verdict reaches the commit the event names, the job summary, the outputs and the exit code.
    expect(gh.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([[HEAD, 'failure']]);
    expect(run.outputs).toMatchObject({ conclusion: 'failure', errors: '1' });
    expect(run.summary).toContain(because.replace(/#/g, '\\#\u200b'));
    // No comment: without the pull request the gate cannot tell that its head is still the one checked.
    expect(gh.comments).toEqual([]);
    expect(run.stdout).toContain('::error::Production readiness failed: 1 error, 0 warnings.');
    // The runner hides a secret registered with ::add-mask::; nothing else may print it.
    const log = (run.stdout + run.stderr).replace(/^::add-mask::.*$/m, '');
    expect(run.stdout).toMatch(/^::add-mask::ghs_write$/m);
    expect(log).not.toContain('ghs_write');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(gh.violations).toEqual([]);
  }, 40_000);
});
