/** What sign-off reads from GitHub: reviews, the description's edit history, team membership. */
import { MAX_HISTORY_EDITS } from '../signoff/evaluate.js';
import { RequestError } from '@octokit/request-error';
import type { GitHubClient } from './client.js';
import { listBound } from './comment.js';
import type { Repo } from './repository.js';
import type { Authority, ReviewRecord, Revision } from '../model/reviews.js';

export async function listReviews(client: GitHubClient, repo: Repo, number: number): Promise<ReviewRecord[]> {
  const bound = listBound('reviews');
  const reviews = await client.paginate(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    { ...repo, pull_number: number, per_page: 100 },
    bound.map,
  );
  bound.check();
  return reviews.map((r) => ({
    id: r.id,
    login: r.user?.login ?? '',
    state: r.state,
    commitId: r.commit_id,
    submittedAt: r.submitted_at ?? null,
    body: r.body ?? '',
  }));
}

/**
 * The description's edit history and who last edited each comment and
 * review, in one query, then older edits page by page. GitHub lists
 * `userContentEdits` newest first (git-bug's GitHub importer reverses every
 * page it reads: "github provide the comment edition in reverse chronological
 * order"), so `first`/`after` walks from the newest edit back: the newest
 * edits, the ones a tick was last made in, are always read, and a history
 * past the cap loses only its oldest versions.
 */
const SIGN_OFF_GRAPH = `query($owner: String!, $repo: String!, $number: Int!, $after: String, $more: Boolean!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      createdAt
      includesCreatedEdit
      userContentEdits(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { editedAt editor { login } diff }
      }
      comments(last: 100) @skip(if: $more) {
        nodes { databaseId lastEditedAt editor { login } }
      }
      reviews(last: 100) @skip(if: $more) {
        nodes { databaseId lastEditedAt editor { login } }
      }
    }
  }
}`;

interface EditNode {
  databaseId: number | null;
  lastEditedAt: string | null;
  editor: { login: string } | null;
}

interface ContentEditNode {
  editedAt: string;
  editor: { login: string } | null;
  diff: string | null;
}

interface PullRequestGraph {
  createdAt: string;
  includesCreatedEdit: boolean;
  userContentEdits: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ContentEditNode[] };
  comments?: { nodes: EditNode[] };
  reviews?: { nodes: EditNode[] };
}

interface GraphData {
  repository: { pullRequest: PullRequestGraph | null } | null;
}

/** Who last edited a comment or review, when; absent from the map: never edited. */
export type Edits = ReadonlyMap<number, { editor: string; at: string }>;

export interface History {
  createdAt: string;
  /** The description's versions, oldest first. */
  revisions: Revision[];
  /** False when older versions exist than those read (past the cap). */
  complete: boolean;
  /** Edits of the newest 100 comments and 100 reviews, by id; ids not listed were not looked at. */
  commentEdits: Edits;
  reviewEdits: Edits;
  /** The ids looked at: a comment or review outside them may have been edited. */
  commentsSeen: ReadonlySet<number>;
  reviewsSeen: ReadonlySet<number>;
}

export async function descriptionHistory(
  client: GitHubClient,
  repo: Repo,
  number: number,
  cap = MAX_HISTORY_EDITS,
): Promise<History> {
  const nodes: ContentEditNode[] = [];
  let after: string | null = null;
  let first: PullRequestGraph | undefined;
  let hasMore = true;
  // Bounded: at most cap / 100 pages.
  while (hasMore && nodes.length < cap) {
    const data: GraphData = await client.graphql<GraphData>(SIGN_OFF_GRAPH, {
      owner: repo.owner,
      repo: repo.repo,
      number,
      after,
      more: first !== undefined,
    });
    const pr = data.repository?.pullRequest;
    if (!pr) throw new Error(`pull request #${number} not found through GraphQL`);
    first ??= pr;
    nodes.push(...pr.userContentEdits.nodes);
    hasMore = pr.userContentEdits.pageInfo.hasNextPage;
    after = pr.userContentEdits.pageInfo.endCursor;
    if (!after) break;
  }
  const revisions = nodes
    .slice(0, cap)
    .map((n) => ({ editor: n.editor?.login ?? '', editedAt: n.editedAt, body: n.diff ?? '' }))
    .reverse();
  const complete = revisions.length === 0 || (!hasMore && nodes.length <= cap && first!.includesCreatedEdit);
  const edits = (list: EditNode[] | undefined) =>
    new Map(
      (list ?? [])
        .filter((n) => n.databaseId !== null && n.lastEditedAt !== null)
        .map((n) => [n.databaseId!, { editor: n.editor?.login ?? '', at: n.lastEditedAt! }]),
    );
  const seen = (list: EditNode[] | undefined) =>
    new Set((list ?? []).flatMap((n) => (n.databaseId === null ? [] : [n.databaseId])));
  return {
    createdAt: first!.createdAt,
    revisions,
    complete,
    commentEdits: edits(first!.comments?.nodes),
    reviewEdits: edits(first!.reviews?.nodes),
    commentsSeen: seen(first!.comments?.nodes),
    reviewsSeen: seen(first!.reviews?.nodes),
  };
}

const TEAM_HELP =
  'the token cannot read this team; give the action a token with read:org (or a GitHub App with Members: read) in `github-token`';

/** Logins looked up in teams a run, at most: past them, a login's authority is unknown and counts for nothing. */
export const MAX_TEAM_LOOKUPS = 20;

/** Team membership requests under way at once. */
const LOOKUP_CONCURRENCY = 4;

/**
 * Whether logins are authorised reviewers: listed by login, or active
 * members of a listed team. One per run: each team's readability and each
 * membership is asked once, at most LOOKUP_CONCURRENCY at a time, for at
 * most `max` logins that need a team lookup (listed logins cost nothing).
 * Callers ask in order of what matters, so the bound drops the least.
 */
export class AuthorityResolver {
  private readonly people: Set<string>;
  private readonly teams: { name: string; org: string; slug: string }[];
  private readonly readable = new Map<string, Promise<boolean>>();
  private readonly known = new Map<string, Promise<Authority>>();
  /** Logins that needed a team lookup, in the order asked. */
  private looked = 0;
  private readonly queue: (() => void)[] = [];
  private running = 0;

  constructor(
    private readonly client: GitHubClient,
    reviewers: readonly string[],
    private readonly max = MAX_TEAM_LOOKUPS,
  ) {
    this.people = new Set(reviewers.filter((r) => !r.includes('/')).map((r) => r.toLowerCase()));
    this.teams = reviewers
      .filter((r) => r.includes('/'))
      .map((r) => {
        const [org, slug] = r.split('/') as [string, string];
        return { name: r, org, slug };
      });
  }

  /** The authority of each login, in the order given. */
  async resolve(logins: readonly string[]): Promise<Map<string, Authority>> {
    const result = new Map<string, Authority>();
    const asked = logins.map((login) => this.one(login).then((a) => [login, a] as const));
    for (const [login, authority] of await Promise.all(asked)) result.set(login, authority);
    return result;
  }

  private one(login: string): Promise<Authority> {
    let found = this.known.get(login);
    if (found) return found;
    if (this.people.has(login.toLowerCase())) found = Promise.resolve({ kind: 'yes', via: 'listed' } as const);
    else if (this.teams.length === 0) found = Promise.resolve({ kind: 'no' } as const);
    else if (++this.looked > this.max) {
      found = Promise.resolve({
        kind: 'unknown',
        reason: `the gate looks up at most ${this.max} people in teams a run, and more reviewed or commented`,
      } as const);
    } else found = this.limited(() => this.lookUp(login));
    this.known.set(login, found);
    return found;
  }

  /** Runs `task` when fewer than LOOKUP_CONCURRENCY are under way. */
  private async limited<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= LOOKUP_CONCURRENCY) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  private canRead(team: { name: string; org: string; slug: string }): Promise<boolean> {
    let known = this.readable.get(team.name);
    if (!known) {
      known = this.client
        .request('GET /orgs/{org}/teams/{team_slug}', { org: team.org, team_slug: team.slug })
        .then(() => true)
        .catch((error: unknown) => {
          if (error instanceof RequestError && (error.status === 403 || error.status === 404)) return false;
          throw error;
        });
      this.readable.set(team.name, known);
    }
    return known;
  }

  private async lookUp(login: string): Promise<Authority> {
    const unreadable: string[] = [];
    for (const team of this.teams) {
      if (!(await this.canRead(team))) {
        unreadable.push(team.name);
        continue;
      }
      try {
        const { data } = await this.client.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
          org: team.org,
          team_slug: team.slug,
          username: login,
        });
        if (data.state === 'active') return { kind: 'yes', via: team.name };
      } catch (error) {
        if (!(error instanceof RequestError && error.status === 404)) throw error;
      }
    }
    return unreadable.length > 0
      ? { kind: 'unknown', reason: `${unreadable.join(', ')}: ${TEAM_HELP}` }
      : { kind: 'no' };
  }
}
