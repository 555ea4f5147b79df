// Review comments on the changed lines (`review: changed-lines`): one review with event COMMENT, suggestions where
// a rule has a fix, kept in step with the findings across runs, and only the gate's own comments ever touched.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import { BASE, HEAD, pullRequestEvent, scenario } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const REVIEW = { review: 'changed-lines' };
const WORKFLOW = '.github/workflows/ci.yml';
const NO_TIMEOUT = 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';
const WITH_TIMEOUT = NO_TIMEOUT.replace('    runs-on', '    timeout-minutes: 30\n    runs-on');
const NEXT = 'c0ffee0000000000000000000000000000000002';

async function withWorkflow(text: string, status = 'added'): Promise<FakeGitHub> {
  const repo = await scenario({
    files: [
      { filename: 'docs/runbooks/deploy-payments.md', status: 'modified' },
      { filename: WORKFLOW, status },
    ],
  });
  repo.setFile(HEAD, WORKFLOW, text);
  return repo;
}

/** The pull request moves to a new head whose workflow is `text`. */
function push(repo: FakeGitHub, text: string): void {
  const pull = repo.pulls.get(7)!;
  for (const [file, content] of repo.trees.get(HEAD)!) repo.setFile(NEXT, file, content);
  repo.setFile(NEXT, WORKFLOW, text);
  pull.headSha = NEXT;
}

function reviewPosts(repo: FakeGitHub) {
  return repo.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls/7/reviews'));
}

describe('review comments on the changed lines', () => {
  it('posts a finding on an added line as one COMMENT review with a one-click suggestion', async () => {
    gh = await withWorkflow(NO_TIMEOUT);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(run.report!.findings.map((f) => `${f.ruleId} ${f.source}:${f.line}`)).toContain(
      'workflow-job-timeout .github/workflows/ci.yml:4',
    );
    const [post] = reviewPosts(gh);
    expect(reviewPosts(gh)).toHaveLength(1);
    const body = post!.body as { event: string; commit_id: string; comments: Record<string, unknown>[] };
    expect(body.event).toBe('COMMENT');
    expect(body.commit_id).toBe(HEAD);
    expect(body.comments).toEqual([
      {
        path: WORKFLOW,
        line: 4,
        side: 'RIGHT',
        body: expect.stringContaining('```suggestion\n  build:\n    timeout-minutes: 30\n```'),
      },
    ]);
    expect(gh.reviews.map((r) => [r.login, r.state])).toEqual([['github-actions[bot]', 'COMMENTED']]);
    // The suggestion, applied as GitHub applies it (the commented line replaced), is the fixed file, which passes.
    const [comment] = gh.reviewComments;
    const suggested = /```suggestion\n([\s\S]*?)\n```/.exec(comment!.body)![1]!;
    const lines = NO_TIMEOUT.split('\n');
    lines.splice(comment!.line - 1, 1, ...suggested.split('\n'));
    expect(lines.join('\n')).toBe(WITH_TIMEOUT);
    expect(run.stdout).toContain('review comments: 1 posted, 0 kept, 0 deleted, 0 marked resolved');
  });

  it('posts nothing again on a re-run of the same head, and edits nothing', async () => {
    gh = await withWorkflow(NO_TIMEOUT);
    await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    const before = structuredClone(gh.reviewComments);
    const second = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(reviewPosts(gh)).toHaveLength(1);
    expect(gh.reviewComments).toEqual(before);
    expect(gh.calls().filter((c) => /PATCH|DELETE/.test(c) && c.includes('/pulls/comments/'))).toEqual([]);
    expect(second.stdout).toContain('review comments: 0 posted, 1 kept, 0 deleted');
  });

  it('deletes its comment when a push fixes the finding, and marks it resolved instead when someone replied', async () => {
    gh = await withWorkflow(NO_TIMEOUT);
    await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(gh.reviewComments).toHaveLength(1);
    push(gh, WITH_TIMEOUT);
    const fixed = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(fixed.report!.findings.filter((f) => f.ruleId === 'workflow-job-timeout')).toEqual([]);
    expect(gh.reviewComments).toEqual([]);
    expect(reviewPosts(gh)).toHaveLength(1);

    await gh.stop();
    gh = await withWorkflow(NO_TIMEOUT);
    await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    const reply = gh.replyTo(gh.reviewComments[0]!, 'octocat', 'Is 30 enough for the integration job?');
    push(gh, WITH_TIMEOUT);
    await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(gh.reviewComments.map((c) => c.id)).toEqual([gh.reviewComments[0]!.id, reply.id]);
    expect(gh.reviewComments[0]!.body).toMatch(/\*\*Resolved\*\*: the gate no longer finds this\.$/);
    expect(reply.body).toBe('Is 30 enough for the integration job?');
    // Marked once: a third run edits nothing.
    const edits = gh.calls().filter((c) => c.startsWith('PATCH') && c.includes('/pulls/comments/')).length;
    await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(gh.calls().filter((c) => c.startsWith('PATCH') && c.includes('/pulls/comments/'))).toHaveLength(edits);
  });

  it('keeps a finding on a line the pull request did not change out of the review', async () => {
    // The job was there before; the pull request only renames the workflow.
    gh = await withWorkflow(NO_TIMEOUT.replace('name: ci', 'name: build'), 'modified');
    gh.setFile(BASE, WORKFLOW, NO_TIMEOUT);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(run.report!.findings.map((f) => f.ruleId)).toContain('workflow-job-timeout');
    expect(reviewPosts(gh)).toEqual([]);
    expect(gh.reviewComments).toEqual([]);
    // It is still annotated on the check run.
    expect(gh.checkRuns[0]!.output.annotations).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: WORKFLOW, title: 'workflow-job-timeout' })]),
    );
  });

  it('posts at most max-review-comments a run and counts the rest', async () => {
    const jobs = Array.from(
      { length: 100 },
      (_, i) => `  job${i}:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`,
    );
    gh = await withWorkflow(`on: push\njobs:\n${jobs.join('')}`);
    const run = await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(run.report!.findings.filter((f) => f.ruleId === 'workflow-job-timeout')).toHaveLength(100);
    const [post] = reviewPosts(gh);
    const body = post!.body as { body: string; comments: { line: number }[] };
    expect(body.comments).toHaveLength(30);
    expect(body.comments.map((c) => c.line)).toEqual(Array.from({ length: 30 }, (_, i) => 3 + 4 * i));
    expect(body.body).toContain('70 more findings on changed lines are not commented here (at most 30 a run)');
    expect(run.summary).toContain('70 findings on changed lines are not review comments (at most 30 a run');
    // The next run posts the next 30, never one already there.
    await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(gh.reviewComments).toHaveLength(60);
    expect(new Set(gh.reviewComments.map((c) => c.line)).size).toBe(60);
  });

  it('with a read-only token posts no review, says so once, and still gates', async () => {
    gh = await withWorkflow(NO_TIMEOUT);
    const run = await runAction(gh, {
      event: 'pull_request',
      payload: pullRequestEvent(),
      inputs: REVIEW,
      token: 'ghs_read',
    });
    expect(run.outputs.conclusion).toBe(run.report!.conclusion);
    expect(run.report!.findings.map((f) => f.ruleId)).toContain('workflow-job-timeout');
    expect(gh.reviewComments).toEqual([]);
    expect(run.summary.match(/the token is read-only here/g)).toHaveLength(1);
  });

  it('never touches another user’s comment, even one that carries the gate’s mark', async () => {
    gh = await withWorkflow(NO_TIMEOUT);
    await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    const mine = gh.reviewComments[0]!;
    const copied = { ...mine, id: 9001, login: 'mallory', type: 'User' as const, body: mine.body };
    const stale = {
      ...mine,
      id: 9002,
      login: 'mallory',
      type: 'User' as const,
      body: '<!-- readiness-gate:finding x:y:1 -->',
    };
    gh.reviewComments.push(copied, stale);
    push(gh, WITH_TIMEOUT);
    await runAction(gh, { event: 'pull_request', payload: pullRequestEvent(), inputs: REVIEW });
    expect(gh.reviewComments.map((c) => [c.id, c.login])).toEqual([
      [9001, 'mallory'],
      [9002, 'mallory'],
    ]);
  });

  it('posts nothing with the default review input', async () => {
    gh = await withWorkflow(NO_TIMEOUT);
    await runAction(gh, { event: 'pull_request', payload: pullRequestEvent() });
    expect(gh.calls().filter((c) => c.includes('/reviews') || c.includes('/pulls/7/comments'))).toEqual([]);
  });
});
