// Sign-off under a second attack review, end to end against the local GitHub (the source, in-process):
// each case passed the gate, or ran without bound, before it was fixed.
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../action/harness.js';
import { BASE, GOOD_BODY, HEAD, REVIEW, reviewEvent, scenario, UNTICKED } from '../action/scenario.js';
import type { FakeGitHub } from '../github/server.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const event = { event: 'pull_request_review', payload: reviewEvent() };
const signOffFindings = (run: Awaited<ReturnType<typeof runAction>>) =>
  run.report!.findings.filter((f) => f.ruleId === 'sign-off').map((f) => f.message);

async function signOffScenario(config = 'sign-off:\n  reviewers: [sre-lead]\n'): Promise<FakeGitHub> {
  const fake = await scenario({ body: `${GOOD_BODY}\n${UNTICKED}` });
  fake.setFile(BASE, '.github/readiness-gate.yml', config);
  return fake;
}

describe('a comment edited by someone else is not its author’s sign-off', () => {
  it('the author appends a ticked Operations Review to the reviewer’s comment: it does not count', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approving the code.', '2026-11-21T09:00:00Z');
    const comment = gh.addComment(
      'Approving the code. Sign-off to follow after the load test.',
      'sre-lead',
      'User',
      '2026-11-21T09:05:00Z',
    );
    gh.editText(comment, 'octocat', `${comment.body}\n\n${REVIEW}`, '2026-11-21T10:00:00Z');
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(run.outputs['signed-off-by']).toBe('');
    expect(signOffFindings(run)[0]).toBe(
      'The Operations Review in the comment by @sre-lead does not count: @octocat, who is not an authorised reviewer, edited it on 2026-11-21. The reviewer can post it again in a new review.',
    );
  });

  it('the reviewer editing their own comment still signs off', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approving the code.', '2026-11-21T09:00:00Z');
    const comment = gh.addComment('Sign-off to follow.', 'sre-lead', 'User', '2026-11-21T09:05:00Z');
    gh.editText(comment, 'sre-lead', REVIEW, '2026-11-21T10:00:00Z');
    const run = await runAction(gh, event);
    expect(signOffFindings(run)).toEqual([]);
    expect(run.outputs['signed-off-by']).toBe('sre-lead');
  });

  it('a review body edited by someone else does not count either', async () => {
    gh = await signOffScenario();
    const review = gh.addReview('sre-lead', 'APPROVED', HEAD, 'Looks fine.', '2026-11-21T09:00:00Z');
    gh.editText(review, 'octocat', REVIEW, '2026-11-21T10:00:00Z');
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(signOffFindings(run)[0]).toMatch(
      /^The Operations Review in the review by @sre-lead does not count: @octocat/,
    );
  });
});

describe('the description’s edit history is read from its newest edit', () => {
  /** `count` versions: the reviewer ticks at the first, the author edits elsewhere, the reviewer unticks, the author re-ticks last. */
  function longHistory(fake: FakeGitHub, count: number): void {
    const signed = `${GOOD_BODY}\n${REVIEW}`;
    const unsigned = `${GOOD_BODY}\n${UNTICKED}`;
    const stamp = (i: number) => new Date(Date.UTC(2026, 10, 21, 0, i)).toISOString().replace('.000', '');
    fake.editBody('sre-lead', signed, stamp(0));
    for (let i = 1; i < count - 2; i++)
      fake.editBody('octocat', `<!-- edit ${i}: outside the owned sections -->\n${signed}`, stamp(i));
    fake.editBody('sre-lead', unsigned, stamp(count - 2));
    fake.editBody('octocat', signed, stamp(count - 1));
  }

  it('the reviewer unticks after edit 100 and the author ticks again: the author’s tick is seen', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approved.', '2026-11-22T09:00:00Z');
    longHistory(gh, 150);
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(signOffFindings(run)).toContain(
      '"Production ready" was ticked by @octocat, who is not an authorised reviewer. Only a reviewer may tick it.',
    );
    // Newest first, 100 a page: two pages for 151 versions.
    expect(gh.graphqlPages).toBe(2);
  });

  it('reads at most 300 versions, and a tick older than them is not attributed', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approved.', '2026-11-22T09:00:00Z');
    const signed = `${GOOD_BODY}\n${REVIEW}`;
    gh.editBody('sre-lead', signed, '2026-11-21T00:00:00Z');
    for (let i = 1; i <= 400; i++) {
      gh.editBody(
        'octocat',
        `<!-- edit ${i}: outside the owned sections -->\n${signed}`,
        new Date(Date.UTC(2026, 10, 21, 1, i)).toISOString(),
      );
    }
    const run = await runAction(gh, event);
    expect(gh.graphqlPages).toBe(3);
    expect(run.code).toBe(1);
    expect(
      signOffFindings(run).some((m) =>
        /^Cannot tell who ticked "Production ready": the edit history the gate reads \(the newest 300 versions\)/.test(
          m,
        ),
      ),
    ).toBe(true);
  });
});

describe('work bounded by what matters', () => {
  it('parses only the owned sections of each version: pathological versions elsewhere cost nothing', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approved.', '2026-11-22T09:00:00Z');
    const signed = `${GOOD_BODY}\n${REVIEW}`;
    // 64 KB of ordered-list markers: minutes for the Markdown parser, were the whole version parsed.
    gh.editBody('octocat', `${'1. '.repeat(22_000)}\n${GOOD_BODY}\n${UNTICKED}`, '2026-11-21T08:00:00Z');
    gh.editBody('octocat', `${'> - '.repeat(16_000)}\n${GOOD_BODY}\n${UNTICKED}`, '2026-11-21T08:30:00Z');
    gh.editBody('sre-lead', signed, '2026-11-21T09:00:00Z');
    const started = Date.now();
    const run = await runAction(gh, event);
    // Generous: the whole run, parsing the two versions entirely, took 84 s.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(signOffFindings(run)).toEqual([]);
    expect(run.outputs['signed-off-by']).toBe('sre-lead');
  }, 60_000);

  it('past 512 KiB of owned sections across versions, or 8 KiB in one, no tick is attributed, and it says how to sign off instead', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approved.', '2026-11-22T09:00:00Z');
    const padded = (i: number) =>
      `${GOOD_BODY}\n${REVIEW.replace('### Recommendation', `${'x'.repeat(4000)} ${i}\n\n### Recommendation`)}`;
    for (let i = 0; i < 140; i++)
      gh.editBody('sre-lead', padded(i), new Date(Date.UTC(2026, 10, 21, 1, i)).toISOString());
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(signOffFindings(run)).toContain(
      "Cannot tell who ticked the reviewer's boxes: the reviewer-owned sections in the description's versions are too long to attribute (over 8 KiB in one version, or 512 KiB in all). An authorised reviewer can sign off in a review instead: approve with the Operations Review in the review body.",
    );
    // One version alone past 8 KiB.
    await gh.stop();
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', HEAD, 'Approved.', '2026-11-22T09:00:00Z');
    gh.editBody(
      'sre-lead',
      `${GOOD_BODY}\n${REVIEW.replace('### Recommendation', `${'y'.repeat(9000)}\n\n### Recommendation`)}`,
      '2026-11-21T01:00:00Z',
    );
    const one = await runAction(gh, event);
    expect(signOffFindings(one).some((m) => m.startsWith("Cannot tell who ticked the reviewer's boxes"))).toBe(true);
  });

  it('300 drive-by commenters are never looked up in teams', async () => {
    gh = await signOffScenario('sign-off:\n  reviewers: [octo-org/sre]\n');
    gh.tokens.set('ghs_write', { login: 'github-actions[bot]', type: 'Bot', write: true, readOrg: true });
    gh.teams.set('octo-org/sre', ['alice']);
    gh.addReview('alice', 'APPROVED', HEAD, REVIEW, '2026-11-22T09:00:00Z');
    for (let i = 0; i < 300; i++) gh.addComment(`+1 from me (${i})`, `visitor-${i}`, 'User', '2026-11-21T09:00:00Z');
    const run = await runAction(gh, event);
    expect(run.outputs['signed-off-by']).toBe('alice');
    const lookups = gh.calls().filter((c) => c.includes('/memberships/'));
    expect(lookups).toEqual(['GET /orgs/octo-org/teams/sre/memberships/alice']);
  });

  it('300 commenters posting an Operations Review: at most 20 looked up, 4 at a time, and the bound is named', async () => {
    gh = await signOffScenario('sign-off:\n  reviewers: [octo-org/sre]\n');
    gh.tokens.set('ghs_write', { login: 'github-actions[bot]', type: 'Bot', write: true, readOrg: true });
    gh.teams.set('octo-org/sre', ['alice']);
    // Answers late enough that requests sent together overlap, however busy the machine.
    gh.latency = 20;
    for (let i = 0; i < 300; i++)
      gh.addComment(REVIEW, `visitor-${i}`, 'User', `2026-11-21T09:${String(i % 60).padStart(2, '0')}:00Z`);
    gh.addReview('alice', 'APPROVED', HEAD, 'Approved', '2026-11-20T09:00:00Z');
    const run = await runAction(gh, event);
    const lookups = gh.requests.filter((r) => r.path.includes('/memberships/'));
    expect(lookups.length).toBe(20);
    // At most four membership requests were being answered at any moment.
    const overlapping = lookups.map((r) => lookups.filter((q) => q.start <= r.start && r.start < q.end).length);
    expect(Math.max(...overlapping)).toBeLessThanOrEqual(4);
    expect(Math.max(...overlapping)).toBeGreaterThan(1);
    expect(run.code).toBe(1);
    expect(signOffFindings(run)[0]).toMatch(
      /^281 reviews or comments that may hold an Operations Review were not weighed \(@visitor-\d+, @visitor-\d+, @visitor-\d+ and 278 more\): the gate looks up at most 20 people in teams a run, and more reviewed or commented\.$/,
    );
    // The whole run: a bounded number of requests (it made 1,204 before).
    expect(gh.requests.length).toBeLessThan(40);
  });

  it('more than 3,000 comments: sign-off fails closed, naming the bound, and the comment is not written twice', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', HEAD, REVIEW, '2026-11-22T09:00:00Z');
    for (let i = 0; i < 3001; i++) gh.addComment('+1', `visitor-${i % 7}`, 'User', '2026-11-21T09:00:00Z');
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(run.report!.findings.filter((f) => f.ruleId === 'read-failed').map((f) => f.message)).toEqual([
      'Could not read the reviews, comments and reviewers that sign-off and approvals rest on: the pull request has more than 3000 comments, more than the gate reads. The gate fails until it can read what it checks.',
    ]);
    expect(gh.calls().filter((c) => c.endsWith('/issues/7/comments')).length).toBe(30);
    expect(gh.requests.some((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toBe(false);
  });
});
