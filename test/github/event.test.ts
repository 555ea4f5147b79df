import { describe, expect, it } from 'vitest';
import { EventError, resolveTarget } from '../../src/github/event.js';

describe('resolveTarget', () => {
  it('reads pull request events', () => {
    for (const name of ['pull_request', 'pull_request_target', 'pull_request_review']) {
      expect(resolveTarget(name, { pull_request: { number: 12 } }, '')).toEqual({ pullNumber: 12, comment: true });
    }
  });

  it('finds the pull request of a merge group from the queue ref', () => {
    const payload = {
      merge_group: { head_ref: 'refs/heads/gh-readonly-queue/release/v2/pr-381-0123456789abcdef', head_sha: 'abc' },
    };
    expect(resolveTarget('merge_group', payload, '')).toEqual({ pullNumber: 381, reportSha: 'abc', comment: false });
    expect(() =>
      resolveTarget('merge_group', { merge_group: { head_ref: 'refs/heads/main', head_sha: 'abc' } }, ''),
    ).toThrow('cannot find the pull request of merge group ref "refs/heads/main".');
  });

  it('takes workflow_dispatch from the input or the dispatch inputs', () => {
    expect(resolveTarget('workflow_dispatch', {}, '44').pullNumber).toBe(44);
    expect(resolveTarget('workflow_dispatch', { inputs: { 'pull-request': '45' } }, '').pullNumber).toBe(45);
    expect(() => resolveTarget('workflow_dispatch', {}, 'abc')).toThrow(EventError);
  });

  it("takes workflow_run from the input, else from the run's pull requests", () => {
    expect(resolveTarget('workflow_run', { workflow_run: { pull_requests: [{ number: 46 }] } }, '').pullNumber).toBe(
      46,
    );
    expect(resolveTarget('workflow_run', { workflow_run: { pull_requests: [] } }, '47').pullNumber).toBe(47);
    expect(() => resolveTarget('workflow_run', { workflow_run: { pull_requests: [] } }, '')).toThrow(
      'workflow_run needs the pull request number: set the `pull-request` input (GitHub leaves workflow_run.pull_requests empty for pull requests from forks).',
    );
  });

  it('refuses other events, naming the supported ones', () => {
    expect(() => resolveTarget('issue_comment', {}, '')).toThrow(/the "issue_comment" event is not supported/);
  });
});
