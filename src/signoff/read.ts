/**
 * What sign-off needs from GitHub, read before the check: reviews, comments,
 * the description's edit history and who among their authors may sign off.
 * The decision is the pure `evaluate.ts`, applied by the `sign-off` rule.
 */
import { MARKER, type IssueComment } from '../github/comment.js';
import type { GitHubClient } from '../github/client.js';
import type { PullRequest, Repo } from '../github/repository.js';
import { AuthorityResolver, descriptionHistory, listReviews, type History } from '../github/reviews.js';
import { reviewersKey, type ApprovalFacts } from '../model/conditions.js';
import type { SignOffSpec, WhenEntry } from '../model/spec.js';
import { loginsToCheck } from './evaluate.js';
import type { Authority, Edited, ReviewFacts, ReviewRecord } from '../model/reviews.js';

export interface SignOffData {
  facts: ReviewFacts;
  /** Trusted lines for the report, e.g. that the edit history could not be read. */
  notes: string[];
}

/**
 * The reviews `when` entries count approvals from, and whether each reviewer
 * is on each entry's list of reviewers. Read only when an entry asks for
 * approvals; the reviews sign-off already read are reused. Only those whose
 * latest review approves are looked up, newest first, within the bound.
 */
export async function readApprovalFacts(
  client: GitHubClient,
  repo: Repo,
  pr: PullRequest,
  entries: readonly WhenEntry[],
  options: { allowStaleApproval: boolean; reviews?: Promise<ReviewRecord[]> },
): Promise<ApprovalFacts> {
  return readReviewerAuthority(
    client,
    repo,
    pr,
    entries.filter((e) => e.require.approvals > 0).map((e) => e.require.reviewers),
    options,
  );
}

/**
 * The pull request's reviews, and for each list of reviewers (logins and
 * `org/team` slugs) whether each reviewer is on it: what approvals are
 * counted against, for `when` entries and for the teams services owe.
 */
export async function readReviewerAuthority(
  client: GitHubClient,
  repo: Repo,
  pr: PullRequest,
  reviewerLists: readonly (readonly string[])[],
  options: { allowStaleApproval: boolean; reviews?: Promise<ReviewRecord[]> },
): Promise<ApprovalFacts> {
  const reviews = await (options.reviews ?? listReviews(client, repo, pr.number));
  const logins = loginsToCheck({ author: pr.author, reviews, comments: [], revisions: [] }, []);
  const lists = new Map(reviewerLists.map((r) => [reviewersKey(r), [...r]]));
  const authority = new Map<string, Map<string, Authority>>();
  await Promise.all(
    [...lists].map(async ([key, reviewers]) =>
      authority.set(key, await new AuthorityResolver(client, reviewers).resolve(logins)),
    ),
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
  const [listed, comments, history] = await Promise.all([
    listReviews(client, repo, pr.number),
    commentsRead,
    descriptionHistory(client, repo, pr.number).catch((error: Error): History => {
      notes.push(
        `Could not read the description's edit history (${error.message.split('\n')[0]}), so ticks in it cannot be attributed to a reviewer, nor edits of reviews and comments to their editors.`,
      );
      const none = new Map();
      return {
        createdAt: '',
        revisions: [],
        complete: false,
        commentEdits: none,
        reviewEdits: none,
        commentsSeen: new Set(),
        reviewsSeen: new Set(),
      };
    }),
  ]);
  // Who last edited each text: never edited, an editor, or unknown (older than the newest 100, or unread).
  const edited = (id: number, edits: History['commentEdits'], seen: ReadonlySet<number>): Edited | undefined =>
    edits.get(id) ?? (seen.has(id) ? undefined : 'unknown');
  const reviews = listed.map((r) => ({ ...r, ...withEdit(edited(r.id!, history.reviewEdits, history.reviewsSeen)) }));
  // The action's own report is not a sign-off, whoever's token wrote it.
  const others = comments
    .filter((c) => !c.body.startsWith(MARKER))
    .map((c) => ({
      id: c.id,
      login: c.login,
      createdAt: c.createdAt,
      body: c.body,
      ...withEdit(edited(c.id, history.commentEdits, history.commentsSeen)),
    }));
  const logins = loginsToCheck(
    { author: pr.author, reviews, comments: others, revisions: history.revisions },
    config.sections,
  );
  const authority = await new AuthorityResolver(client, config.reviewers).resolve(logins);
  const facts: ReviewFacts = {
    author: pr.author,
    headSha: pr.headSha,
    createdAt: history.createdAt,
    reviews,
    comments: others,
    revisions: history.revisions,
    historyComplete: history.complete,
    authority,
  };
  return { facts, notes };
}

const withEdit = (edited: Edited | undefined) => (edited ? { edited } : {});
