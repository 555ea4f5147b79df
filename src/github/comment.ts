/**
 * The one sticky pull-request comment, found by a hidden marker among the
 * comments written by the action's own identity. Comments by anyone else
 * are never edited or deleted, whatever they contain.
 */
import { RequestError } from '@octokit/request-error';
import type { GitHubClient } from './client.js';
import type { Repo } from './repository.js';

export const MARKER = '<!-- readiness-gate -->';

export type CommentResult = 'created' | 'updated' | 'unchanged' | 'none';

export interface CommentPlan {
  body: string;
  /** Create a comment when there is none; otherwise only an existing one is updated. */
  create: boolean;
  /** Logins that count as this action's own (e.g. `github-actions[bot]`). */
  selfLogins: string[];
}

export interface IssueComment {
  id: number;
  login: string;
  body: string;
  createdAt: string;
}

/** A list longer than the gate reads: another run would find it as long. */
export class TooMany extends Error {
  override name = 'TooMany';
}

/** Pages of comments or reviews read, 100 each: past them, the list is refused rather than read in part. */
export const MAX_LIST_PAGES = 30;

/**
 * A bound on a paginated list of the pull request's `what`: the map for
 * `client.paginate` stops after MAX_LIST_PAGES pages, and `check()` throws
 * when GitHub had more, so nothing is read in part unknowingly.
 */
export function listBound(what: string) {
  let pages = 0;
  let more = false;
  return {
    map<T>(response: { data: T[]; headers: { link?: string | undefined } }, done: () => void): T[] {
      if (++pages >= MAX_LIST_PAGES) {
        more = /rel="next"/.test(response.headers.link ?? '');
        done();
      }
      return response.data;
    },
    check(): void {
      if (more)
        throw new TooMany(`the pull request has more than ${MAX_LIST_PAGES * 100} ${what}, more than the gate reads`);
    },
  };
}

/**
 * Every comment on the pull request, at most MAX_LIST_PAGES pages: a longer
 * list throws, so the comment writer never misses its own comment (and
 * writes a second) and sign-off never misses a reviewer's.
 */
export async function listComments(client: GitHubClient, repo: Repo, issueNumber: number): Promise<IssueComment[]> {
  const bound = listBound('comments');
  const comments = await client.paginate(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { ...repo, issue_number: issueNumber, per_page: 100 },
    bound.map,
  );
  bound.check();
  return comments.map((c) => ({ id: c.id, login: c.user?.login ?? '', body: c.body ?? '', createdAt: c.created_at }));
}

/** Writes the comment; `comments` is the pull request's comments when already read. */
export async function upsertComment(
  client: GitHubClient,
  repo: Repo,
  issueNumber: number,
  plan: CommentPlan,
  comments?: IssueComment[],
): Promise<CommentResult> {
  const body = `${MARKER}\n${plan.body}`;
  const own = (list: IssueComment[]) =>
    list.filter((c) => plan.selfLogins.includes(c.login) && c.body.startsWith(MARKER)).sort((a, b) => a.id - b.id);
  const [first, ...duplicates] = own(comments ?? (await listComments(client, repo, issueNumber)));
  let result: CommentResult;
  if (!first) {
    if (!plan.create) return 'none';
    const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: issueNumber,
      body,
    });
    // Another run may have created one at the same time: keep the oldest, with this body, and remove the rest.
    const [oldest, ...extra] = own(await listComments(client, repo, issueNumber));
    if (oldest && oldest.id !== data.id) {
      if (oldest.body !== body) {
        await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...repo,
          comment_id: oldest.id,
          body,
        });
      }
      await deleteComments(client, repo, extra);
      return 'updated';
    }
    await deleteComments(client, repo, extra);
    return 'created';
  } else if (first.body === body) {
    result = 'unchanged';
  } else {
    await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...repo,
      comment_id: first.id,
      body,
    });
    result = 'updated';
  }
  await deleteComments(client, repo, duplicates);
  return result;
}

/** Deletes the action's own extra comments; one another run deleted first is gone already. */
async function deleteComments(client: GitHubClient, repo: Repo, comments: IssueComment[]): Promise<void> {
  for (const extra of comments) {
    try {
      await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...repo,
        comment_id: extra.id,
      });
    } catch (error) {
      if (!(error instanceof RequestError && error.status === 404)) throw error;
    }
  }
}
