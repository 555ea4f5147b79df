/**
 * What sign-off needs from GitHub, read before the check: reviews, comments,
 * the description's edit history and who among their authors may sign off.
 * The decision is the pure `evaluate.ts`, applied by the `sign-off` rule.
 */
import { MARKER, type IssueComment } from '../github/comment.js';
import type { GitHubClient } from '../github/client.js';
import type { PullRequest, Repo } from '../github/repository.js';
import { descriptionHistory, listReviews, resolveAuthority, type History } from '../github/reviews.js';
import { reviewersKey, type ApprovalFacts } from '../model/conditions.js';
import type { SignOffSpec, WhenEntry } from '../model/spec.js';
import { loginsToCheck, type Authority, type ReviewFacts, type ReviewRecord } from './evaluate.js';

export interface SignOffData {
  facts: ReviewFacts;
  /** Trusted lines for the report, e.g. that the edit history could not be read. */
  notes: string[];
}

/**
 * The reviews `when` entries count approvals from, and whether each reviewer
 * is on each entry's list of reviewers. Read only when an entry asks for
 * approvals; the reviews sign-off already read are reused.
 */
export async function readApprovalFacts(
  client: GitHubClient,
  repo: Repo,
  pr: PullRequest,
  entries: readonly WhenEntry[],
  options: { allowStaleApproval: boolean; reviews?: Promise<ReviewRecord[]> },
): Promise<ApprovalFacts> {
  const reviews = await (options.reviews ?? listReviews(client, repo, pr.number));
  const logins = [...new Set(reviews.map((r) => r.login))].filter((l) => l !== pr.author && l !== '');
  const lists = new Map(
    entries.filter((e) => e.require.approvals > 0).map((e) => [reviewersKey(e.require.reviewers), e.require.reviewers]),
  );
  const authority = new Map<string, Map<string, Authority>>();
  await Promise.all(
    [...lists].map(async ([key, reviewers]) => authority.set(key, await resolveAuthority(client, reviewers, logins))),
  );
  return { reviews, author: pr.author, headSha: pr.headSha, allowStaleApproval: options.allowStaleApproval, authority };
}

export async function readSignOffData(
  client: GitHubClient,
  repo: Repo,
  pr: PullRequest,
  config: SignOffSpec,
  /** The pull request's comments, read once for sign-off and the comment writer. */
  commentsRead: Promise<IssueComment[]>,
): Promise<SignOffData> {
  const notes: string[] = [];
  const [reviews, comments, history] = await Promise.all([
    listReviews(client, repo, pr.number),
    commentsRead,
    descriptionHistory(client, repo, pr.number).catch((error: Error): History => {
      notes.push(
        `Could not read the description's edit history (${error.message.split('\n')[0]}), so ticks in it cannot be attributed to a reviewer.`,
      );
      return { createdAt: '', revisions: [], complete: false };
    }),
  ]);
  const logins = loginsToCheck({ author: pr.author, reviews, comments, revisions: history.revisions });
  const authority = await resolveAuthority(client, config.reviewers, logins);
  const facts: ReviewFacts = {
    author: pr.author,
    headSha: pr.headSha,
    createdAt: history.createdAt,
    reviews,
    // The action's own report is not a sign-off, whoever's token wrote it.
    comments: comments.filter((c) => !c.body.startsWith(MARKER)),
    revisions: history.revisions,
    historyComplete: history.complete,
    authority,
  };
  return { facts, notes };
}
