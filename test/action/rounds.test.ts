// How long the action waits on GitHub: requests that need nothing from each other go out together.
// With an answer taking 30 ms, a request sent after another was answered is a round of its own.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import { GOOD_BODY, HEAD, pullRequestEvent, scenario } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

// The event as GitHub sends it for this pull request: the description it carries is the pull request's.
const pullEvent = { event: 'pull_request', payload: pullRequestEvent('opened', GOOD_BODY) };
const RUNBOOK = 'GET /repos/octo-org/octo-repo/contents/docs/runbooks/deploy-payments.md';

/** The requests sent before the first answer came back: with every answer late, they did not wait on one. */
function firstRound(requests: typeof gh.requests): string[] {
  const firstAnswer = Math.min(...requests.map((r) => r.end));
  return requests
    .filter((r) => r.start < firstAnswer)
    .map((r) => `${r.method} ${r.path}`)
    .sort();
}

/** The documents a run checked, as its JSON report lists them. */
const checkedDocuments = (run: { report: unknown }) =>
  (run.report as { documents: { source: string }[] }).documents.map((d) => d.source);

describe('rounds of requests', () => {
  it('a passing run with one linked runbook: 2 rounds and at most 9 requests, the first and every later run', async () => {
    gh = await scenario();
    gh.latency = 30;
    const first = await runAction(gh, pullEvent);
    expect(first.code).toBe(0);
    const firstRun = [...gh.requests];
    // The first round: the pull request, its files, the config and the templates at the event's base, the comments,
    // and the runbook the event's description links, at the head commit the event names.
    expect(firstRound(firstRun)).toEqual(
      [
        'GET /repos/octo-org/octo-repo/contents/.github/readiness-gate.yml',
        'GET /repos/octo-org/octo-repo/issues/7/comments',
        'GET /repos/octo-org/octo-repo/pulls/7',
        'GET /repos/octo-org/octo-repo/pulls/7/files',
        'POST /graphql',
        RUNBOOK,
      ].sort(),
    );
    expect(firstRun.find((r) => `${r.method} ${r.path}` === RUNBOOK)?.query.ref).toBe(HEAD);
    // Then the check run beside the head re-check; a pass writes no comment by default.
    expect(gh.rounds(firstRun)).toBe(2);
    expect(firstRun.length).toBeLessThanOrEqual(9);
    expect(checkedDocuments(first)).toEqual(['pull-request', 'docs/runbooks/deploy-payments.md']);

    // Every later run reads the same and writes the same.
    const before = gh.requests.length;
    const again = await runAction(gh, pullEvent);
    expect(again.code).toBe(0);
    const later = gh.requests.slice(before);
    expect(later.length).toBeLessThanOrEqual(9);
    expect(gh.rounds(later)).toBeLessThanOrEqual(2);
  });

  it('a description edited since the event: what it links now is read after the pull request, and checked', async () => {
    gh = await scenario();
    gh.latency = 30;
    // The event still links a runbook the description no longer does; the description now links another.
    gh.setFile(HEAD, 'docs/runbooks/old.md', 'not a runbook\n');
    const event = pullRequestEvent(
      'opened',
      GOOD_BODY.replace('docs/runbooks/deploy-payments.md', 'docs/runbooks/old.md'),
    );
    const run = await runAction(gh, { event: 'pull_request', payload: event });
    expect(run.code).toBe(0);
    const requests = [...gh.requests];
    expect(firstRound(requests)).toContain('GET /repos/octo-org/octo-repo/contents/docs/runbooks/old.md');
    expect(firstRound(requests)).not.toContain(RUNBOOK);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toContain(RUNBOOK);
    expect(gh.rounds(requests)).toBe(3);
    // The runbook read ahead is not the description's: nothing is said of it.
    expect(JSON.stringify(run.report)).not.toContain('old.md');
    expect(checkedDocuments(run)).toEqual(['pull-request', 'docs/runbooks/deploy-payments.md']);
  });

  it('reads at most 5 files ahead, however many the description in the event links', async () => {
    gh = await scenario();
    const links = Array.from({ length: 1000 }, (_, i) => `- [r${i}](docs/runbooks/r${i}.md)`).join('\n');
    const event = pullRequestEvent('opened', `${GOOD_BODY}\n\n## More runbooks\n\n${links}\n`);
    const run = await runAction(gh, { event: 'pull_request', payload: event });
    expect(run.code).toBe(0);
    const ahead = gh.requests.filter((r) => /\/contents\/docs\/runbooks\/r\d+\.md$/.test(r.path));
    expect(ahead.length).toBeLessThanOrEqual(5);
    // The description the pull request has links none of them: nothing is said of them.
    expect(JSON.stringify(run.report)).not.toMatch(/runbooks\/r\d+\.md/);
  });

  it('a head that moved on since the event: the runbook is read again at the head the pull request names', async () => {
    gh = await scenario();
    const event = pullRequestEvent('opened', GOOD_BODY);
    (event.pull_request as { head: { sha: string } }).head.sha = 'f0f0000000000000000000000000000000000001';
    const run = await runAction(gh, { event: 'pull_request', payload: event });
    expect(run.code).toBe(0);
    const refs = gh.requests.filter((r) => `${r.method} ${r.path}` === RUNBOOK).map((r) => r.query.ref);
    expect(refs).toEqual(['f0f0000000000000000000000000000000000001', HEAD]);
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
