// Sign-off end to end: dist/index.js against the fake GitHub serving reviews, teams and the edit history.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../github/server.js';
import { runAction } from './harness.js';
import { BASE, GOOD_BODY, HEAD, REVIEW, reviewEvent, scenario, UNTICKED } from './scenario.js';

let gh: FakeGitHub;
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.stop();
});

const CONFIG = 'sign-off:\n  reviewers: [sre-lead, octo-org/sre]\n';
const event = { event: 'pull_request_review', payload: reviewEvent() };

async function signOffScenario(body = `${GOOD_BODY}\n${UNTICKED}`, author = 'octocat'): Promise<FakeGitHub> {
  const fake = await scenario({ body, author });
  fake.setFile(BASE, '.github/readiness-gate.yml', CONFIG);
  fake.teams.set('octo-org/sre', ['alice']);
  return fake;
}

const signOffFindings = (run: Awaited<ReturnType<typeof runAction>>) =>
  run.report!.findings.filter((f) => f.ruleId === 'sign-off').map((f) => (f as unknown as { message: string }).message);

describe('sign-off', () => {
  it('fails when the author ticks everything, naming who ticked', async () => {
    gh = await signOffScenario(`${GOOD_BODY}\n${REVIEW}`);
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    const messages = signOffFindings(run);
    expect(messages[0]).toBe(
      `No approving review by an authorised reviewer on ${HEAD.slice(0, 7)}. Sign-off needs an approval from @sre-lead, the octo-org/sre team.`,
    );
    expect(messages).toContain(
      '"Production ready" was ticked by @octocat, who is not an authorised reviewer. Only a reviewer may tick it.',
    );
    expect(messages).toContain(
      '"Deployment strategy clear" was ticked by @octocat, who is not an authorised reviewer. Only a reviewer may tick it.',
    );
    expect(run.outputs['signed-off-by']).toBe('');
  });

  it('passes when an authorised reviewer approves with an Operations Review in the review body', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', HEAD, REVIEW, '2026-11-21T09:30:00Z');
    const run = await runAction(gh, { ...event, inputs: { comment: 'always' } });
    expect(run.code).toBe(0);
    expect(run.outputs['signed-off-by']).toBe('sre-lead');
    expect(run.report).toMatchObject({
      conclusion: 'success',
      signedOffBy: { login: 'sre-lead', at: '2026-11-21T09:30:00Z', commit: HEAD, via: 'review' },
    });
    expect(run.summary).toContain(
      `Signed off by @\u200bsre-lead on 2026-11-21 at commit ${HEAD.slice(0, 7)} (review).`,
    );
    expect(gh.comments[0]!.body).toContain('Signed off by');
  });

  it('checks the review body with the same rules: a reviewer recommending improvements does not pass', async () => {
    gh = await signOffScenario();
    const needsWork = REVIEW.replace('- [x] **Production ready**', '- [ ] **Production ready**').replace(
      '- [ ] **Needs operational improvements**',
      '- [x] **Needs operational improvements**',
    );
    gh.addReview('sre-lead', 'APPROVED', HEAD, needsWork);
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(signOffFindings(run)).toEqual([
      'The sign-off in the review by @sre-lead is incomplete: "Recommendation" is "Needs operational improvements", not "Production ready". Edit it, or post a new one.',
    ]);
  });

  it('does not count an approval on an older commit', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'APPROVED', BASE, REVIEW);
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(signOffFindings(run)[0]).toContain(
      `@sre-lead approved ${BASE.slice(0, 7)}, an older commit; the head is now ${HEAD.slice(0, 7)}`,
    );
  });

  it('counts an older approval with allow-stale-approval', async () => {
    gh = await signOffScenario();
    gh.setFile(BASE, '.github/readiness-gate.yml', `${CONFIG}  allow-stale-approval: true\n`);
    gh.addReview('sre-lead', 'APPROVED', BASE, REVIEW);
    const run = await runAction(gh, event);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ signedOffBy: { login: 'sre-lead', commit: BASE } });
  });

  it('does not count a dismissed approval', async () => {
    gh = await signOffScenario();
    gh.addReview('sre-lead', 'DISMISSED', HEAD, REVIEW);
    const run = await runAction(gh, { event: 'pull_request_review', payload: reviewEvent('dismissed') });
    expect(run.code).toBe(1);
    expect(signOffFindings(run)[0]).toContain('the review by @sre-lead was dismissed');
  });

  it('does not let the author sign off, even when listed as a reviewer', async () => {
    gh = await signOffScenario(`${GOOD_BODY}\n${UNTICKED}`, 'sre-lead');
    gh.addReview('sre-lead', 'APPROVED', HEAD, REVIEW);
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(signOffFindings(run)[0]).toContain('@sre-lead is the author and cannot approve their own pull request');
  });

  it('accepts a member of a listed team when the token can read teams', async () => {
    gh = await signOffScenario();
    gh.addReview('alice', 'APPROVED', HEAD, REVIEW);
    const run = await runAction(gh, { ...event, token: 'ghs_app', inputs: { 'bot-login': 'readiness-app[bot]' } });
    expect(run.code).toBe(0);
    expect(run.outputs['signed-off-by']).toBe('alice');
    expect(gh.calls()).toContain('GET /orgs/octo-org/teams/sre/memberships/alice');
  });

  it('says plainly when the token cannot read teams, and fails closed', async () => {
    gh = await signOffScenario();
    gh.addReview('alice', 'APPROVED', HEAD, REVIEW);
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(signOffFindings(run)[0]).toContain(
      'could not check whether @alice may sign off: octo-org/sre: the token cannot read this team; give the action a token with read:org (or a GitHub App with Members: read) in `github-token`',
    );
  });

  it('passes when the reviewer ticked the boxes in the description and approved', async () => {
    gh = await signOffScenario();
    gh.editBody('octocat', `${GOOD_BODY}\n${UNTICKED}\n`, '2026-11-20T10:30:00Z');
    gh.editBody('sre-lead', `${GOOD_BODY}\n${REVIEW}\n`, '2026-11-21T08:00:00Z');
    gh.addReview('sre-lead', 'APPROVED', HEAD, '');
    const run = await runAction(gh, event);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ signedOffBy: { login: 'sre-lead', via: 'description' } });
  });

  it('reports a box the author ticked after the reviewer', async () => {
    gh = await signOffScenario();
    const reviewerTicked = `${GOOD_BODY}\n${REVIEW.replace('- [x] Resource limits set', '- [ ] Resource limits set')}\n`;
    gh.editBody('sre-lead', reviewerTicked, '2026-11-21T08:00:00Z');
    gh.editBody('octocat', `${GOOD_BODY}\n${REVIEW}\n`, '2026-11-21T09:00:00Z');
    gh.addReview('sre-lead', 'APPROVED', HEAD, '');
    const run = await runAction(gh, event);
    expect(run.code).toBe(1);
    expect(signOffFindings(run)).toEqual([
      '"Resource limits set" was ticked by @octocat, who is not an authorised reviewer. Only a reviewer may tick it.',
    ]);
  });
});
