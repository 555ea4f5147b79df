/** A repository on the fake GitHub with one pull request, from readable fixtures, and real event payloads. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { FakeGitHub, type PullState } from '../github/server.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Record<string, unknown>[];
}[];

export const HEAD = 'c0ffee0000000000000000000000000000000001';
export const BASE = 'ba5e000000000000000000000000000000000001';
export const NUMBER = 7;

export function text(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

/** An Operations Review with every box ticked and "Production ready" recommended, as a reviewer posts it. */
export const REVIEW = text('test/fixtures/pull-requests/ops-review-ready.md').replace(/^# .*\n/, '');

/** The same review with the reviewer's sections (DevOps Sign-off, Recommendation) left unticked, as the author leaves it. */
export const UNTICKED = REVIEW.replace(/(### 🔧 DevOps Sign-off[\s\S]*$)/, (owned) =>
  owned.replace(/- \[x\]/g, '- [ ]'),
);

/** The example description, linking `docs/runbooks/deploy-payments.md`. */
export const GOOD_BODY = text('examples/pull-request.md').replace('examples/runbooks/', 'docs/runbooks/');

export async function scenario(pull: Partial<PullState> = {}): Promise<FakeGitHub> {
  const gh = await new FakeGitHub().start();
  gh.pulls.set(NUMBER, {
    number: NUMBER,
    body: GOOD_BODY,
    headSha: HEAD,
    baseSha: BASE,
    author: 'octocat',
    labels: [],
    draft: false,
    files: [
      { filename: 'docs/runbooks/deploy-payments.md', status: 'added' },
      // A file no kind reads: the run neither reads it nor loads anything for it.
      { filename: 'LICENSE', status: 'modified' },
    ],
    ...pull,
  });
  gh.setFile(HEAD, 'docs/runbooks/deploy-payments.md', text('examples/runbooks/deploy-payments.md'));
  return gh;
}

function example(name: string, action?: string): Record<string, unknown> {
  const group = examples.find((e) => e.name === name);
  const found = group?.examples.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`no ${name}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

/** A real `pull_request` payload for our pull request; its body is whatever the event carried. */
export function pullRequestEvent(
  action = 'opened',
  body: string | null = 'stale body from the event',
): Record<string, unknown> {
  const payload = example('pull_request', action);
  const pr = payload.pull_request as Record<string, unknown> & { base: { sha: string }; head: { sha: string } };
  pr.number = NUMBER;
  pr.body = body;
  // The commits the event names are this pull request's, as in a real event.
  pr.base.sha = BASE;
  pr.head.sha = HEAD;
  payload.number = NUMBER;
  return payload;
}

export function mergeGroupEvent(sha = 'e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1'): Record<string, unknown> {
  const payload = example('merge_group');
  const group = payload.merge_group as Record<string, unknown>;
  group.head_ref = `refs/heads/gh-readonly-queue/main/pr-${NUMBER}-${HEAD}`;
  group.head_sha = sha;
  return payload;
}

export function reviewEvent(action = 'submitted'): Record<string, unknown> {
  const payload = example('pull_request_review', action);
  const pr = payload.pull_request as Record<string, unknown> & { base: { sha: string }; head: { sha: string } };
  pr.number = NUMBER;
  pr.base.sha = BASE;
  pr.head.sha = HEAD;
  return payload;
}

export function workflowRunEvent(): Record<string, unknown> {
  return example('workflow_run', 'completed');
}

export function dispatchEvent(): Record<string, unknown> {
  return example('workflow_dispatch');
}
