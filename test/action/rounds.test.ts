// How long the action waits on GitHub: requests that need nothing from each other go out together.
// With an answer taking 30 ms, a request sent after another was answered is a round of its own.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import { pullRequestEvent, scenario } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const pullEvent = { event: 'pull_request', payload: pullRequestEvent() };

describe('rounds of requests', () => {
  it('a passing run with one linked runbook: 3 rounds and at most 9 requests, the first and every later run', async () => {
    gh = await scenario();
    gh.latency = 30;
    const first = await runAction(gh, pullEvent);
    expect(first.code).toBe(0);
    const firstRun = [...gh.requests];
    // The first round: the pull request, its files, the config and the templates at the event's base, the comments.
    // Those sent before the first answer came back: with every answer 30 ms late, they did not wait on one.
    const firstAnswer = Math.min(...firstRun.map((r) => r.end));
    const together = firstRun.filter((r) => r.start < firstAnswer).map((r) => `${r.method} ${r.path}`);
    expect(together.sort()).toEqual(
      [
        'GET /repos/octo-org/octo-repo/contents/.github/readiness-gate.yml',
        'GET /repos/octo-org/octo-repo/issues/7/comments',
        'GET /repos/octo-org/octo-repo/pulls/7',
        'GET /repos/octo-org/octo-repo/pulls/7/files',
        'POST /graphql',
      ].sort(),
    );
    // Then the linked runbook, then the check run beside the head re-check; a pass writes no comment by default.
    expect(gh.rounds(firstRun)).toBe(3);
    expect(firstRun.length).toBeLessThanOrEqual(9);

    // Every later run reads the same and writes the same.
    const before = gh.requests.length;
    const again = await runAction(gh, pullEvent);
    expect(again.code).toBe(0);
    const later = gh.requests.slice(before);
    expect(later.length).toBeLessThanOrEqual(9);
    expect(gh.rounds(later)).toBeLessThanOrEqual(3);
  });

  it('reads the config again only when the pull request names another base than the event', async () => {
    gh = await scenario();
    const event = pullRequestEvent();
    (event.pull_request as { base: { sha: string } }).base.sha = 'b0b0000000000000000000000000000000000001';
    const run = await runAction(gh, { event: 'pull_request', payload: event });
    expect(run.code).toBe(0);
    const refs = gh.requests.filter((r) => r.path.endsWith('readiness-gate.yml')).map((r) => r.query.ref);
    expect(refs).toEqual(['b0b0000000000000000000000000000000000001', 'ba5e000000000000000000000000000000000001']);
  });
});
