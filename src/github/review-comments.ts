/**
 * Review comments on the changed lines, kept in step with the findings:
 * a finding not yet commented is posted, in one review with the event
 * `COMMENT` (never `REQUEST_CHANGES` or `APPROVE`: the check run carries the
 * verdict, and a review that requests changes would block merging until
 * someone dismissed it); a comment whose finding is still there is left as
 * it is; one whose finding is gone is deleted, or, when someone replied to
 * it, edited to say so. Only comments by the action's own logins that carry
 * the gate's hidden key are ever edited or deleted.
 */
import { RequestError } from '@octokit/request-error';
import { keyOf, type PlannedComment, type ReviewPlan } from '../report/review.js';
import { plural } from '../report/text.js';
import type { GitHubClient } from './client.js';
import { listBound } from './comment.js';
import type { Repo } from './repository.js';
import type { Finding } from '../model/report.js';

export interface ReviewComment {
  id: number;
  login: string;
  body: string;
  inReplyTo?: number;
}

export interface ReviewSync {
  posted: number;
  kept: number;
  deleted: number;
  resolved: number;
  /** Findings on changed lines past the run's cap: not commented, counted in the review and the notes. */
  notPosted: number;
}

/** The pull request's review comments, every page up to the list bound. */
export async function listReviewComments(client: GitHubClient, repo: Repo, number: number): Promise<ReviewComment[]> {
  const bound = listBound('review comments');
  const comments = await client.paginate(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments',
    { ...repo, pull_number: number, per_page: 100 },
    bound.map,
  );
  bound.check();
  return comments.map((c) => ({
    id: c.id,
    login: c.user?.login ?? '',
    body: c.body,
    ...(c.in_reply_to_id ? { inReplyTo: c.in_reply_to_id } : {}),
  }));
}

const RESOLVED = '\n\n**Resolved**: the gate no longer finds this.';

export async function syncReview(
  client: GitHubClient,
  repo: Repo,
  pr: { number: number; headSha: string },
  plan: ReviewPlan,
  options: {
    selfLogins: readonly string[];
    max: number;
    /** Leave comments whose finding is gone: the run did not check everything, so gone may mean unchecked. */
    keepGone?: boolean;
  },
): Promise<ReviewSync> {
  const all = await listReviewComments(client, repo, pr.number);
  const own = all.filter((c) => options.selfLogins.includes(c.login) && keyOf(c.body) !== undefined);
  const replied = new Set(all.flatMap((c) => (c.inReplyTo !== undefined ? [c.inReplyTo] : [])));
  const byKey = new Map<string, ReviewComment>();
  const extra: ReviewComment[] = [];
  for (const c of own.sort((a, b) => a.id - b.id)) {
    const key = keyOf(c.body)!;
    if (byKey.has(key)) extra.push(c);
    else byKey.set(key, c);
  }
  const planned = new Map(plan.comments.map((c) => [c.key, c]));
  const result: ReviewSync = { posted: 0, kept: 0, deleted: 0, resolved: 0, notPosted: 0 };

  // Comments whose finding is gone: deleted, or marked resolved where a reply would lose its thread.
  for (const [key, comment] of byKey) {
    if (plan.keys.has(key) || options.keepGone) {
      const wanted = planned.get(key);
      // A finding that came back after it was marked resolved: its comment says so again.
      if (comment.body.endsWith(RESOLVED) && wanted) {
        await edit(client, repo, comment.id, wanted.body);
      }
      result.kept++;
      continue;
    }
    if (replied.has(comment.id)) {
      if (!comment.body.endsWith(RESOLVED)) {
        await edit(client, repo, comment.id, `${comment.body}${RESOLVED}`);
        result.resolved++;
      }
    } else {
      await remove(client, repo, comment.id);
      result.deleted++;
    }
  }
  for (const c of extra) if (!replied.has(c.id)) await remove(client, repo, c.id);

  const fresh = plan.comments.filter((c) => !byKey.has(c.key));
  const posting = fresh.slice(0, Math.max(0, options.max));
  result.notPosted = fresh.length - posting.length;
  if (posting.length === 0) return result;
  await client.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    ...repo,
    pull_number: pr.number,
    commit_id: pr.headSha,
    event: 'COMMENT',
    body: reviewBody(posting, result.notPosted),
    comments: posting.map(toRequest),
  });
  result.posted = posting.length;
  // Another run may have posted the same at the same time: the oldest comment of each finding stays.
  const after = await listReviewComments(client, repo, pr.number);
  const first = new Set<string>();
  for (const c of after.sort((a, b) => a.id - b.id)) {
    const key = options.selfLogins.includes(c.login) ? keyOf(c.body) : undefined;
    if (key === undefined) continue;
    if (first.has(key) && !replied.has(c.id)) await remove(client, repo, c.id);
    first.add(key);
  }
  return result;
}

function reviewBody(posting: readonly PlannedComment[], notPosted: number): string {
  const counts = countBy(posting.map((c) => c.finding));
  const more =
    notPosted > 0
      ? ` ${plural(notPosted, 'more finding')} on changed lines ${notPosted === 1 ? 'is' : 'are'} not commented here (at most ${posting.length} a run): see the check run.`
      : '';
  return `Production readiness: ${counts} on the lines this pull request changes.${more} The check run carries the verdict.`;
}

function countBy(findings: readonly Finding[]): string {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts = [
    n('error') ? plural(n('error'), 'error') : '',
    n('warning') ? plural(n('warning'), 'warning') : '',
    n('notice') ? plural(n('notice'), 'notice') : '',
  ].filter(Boolean);
  return parts.join(', ');
}

function toRequest(c: PlannedComment) {
  return {
    path: c.path,
    line: c.line,
    side: 'RIGHT',
    ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' } : {}),
    body: c.body,
  };
}

async function edit(client: GitHubClient, repo: Repo, id: number, body: string): Promise<void> {
  await client.request('PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}', { ...repo, comment_id: id, body });
}

/** Deletes a comment of the gate's; one another run deleted first is gone already. */
async function remove(client: GitHubClient, repo: Repo, id: number): Promise<void> {
  try {
    await client.request('DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}', { ...repo, comment_id: id });
  } catch (error) {
    if (!(error instanceof RequestError && error.status === 404)) throw error;
  }
}
