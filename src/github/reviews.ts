/** What sign-off reads from GitHub: reviews, the description's edit history, team membership. */
import type { Authority, ReviewRecord, Revision } from '../signoff/evaluate.js';
import { RequestError } from '@octokit/request-error';
import type { GitHubClient } from './client.js';
import type { Repo } from './repository.js';

export async function listReviews(client: GitHubClient, repo: Repo, number: number): Promise<ReviewRecord[]> {
  const reviews = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    ...repo,
    pull_number: number,
    per_page: 100,
  });
  return reviews.map((r) => ({
    login: r.user?.login ?? '',
    state: r.state,
    commitId: r.commit_id,
    submittedAt: r.submitted_at ?? null,
    body: r.body ?? '',
  }));
}

const HISTORY = `query($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      createdAt
      includesCreatedEdit
      userContentEdits(last: 100) {
        pageInfo { hasPreviousPage }
        nodes { editedAt editor { login } diff }
      }
    }
  }
}`;

interface HistoryData {
  repository: {
    pullRequest: {
      createdAt: string;
      includesCreatedEdit: boolean;
      userContentEdits: {
        pageInfo: { hasPreviousPage: boolean };
        nodes: { editedAt: string; editor: { login: string } | null; diff: string | null }[];
      };
    } | null;
  } | null;
}

export interface History {
  createdAt: string;
  revisions: Revision[];
  complete: boolean;
}

/** The description's versions, oldest first (GraphQL `userContentEdits`: each node holds the text of one version). */
export async function descriptionHistory(client: GitHubClient, repo: Repo, number: number): Promise<History> {
  const data = await client.graphql<HistoryData>(HISTORY, { owner: repo.owner, repo: repo.repo, number });
  const pr = data.repository?.pullRequest;
  if (!pr) throw new Error(`pull request #${number} not found through GraphQL`);
  const edits = pr.userContentEdits;
  const revisions = edits.nodes
    .map((n) => ({ editor: n.editor?.login ?? '', editedAt: n.editedAt, body: n.diff ?? '' }))
    .sort((a, b) => a.editedAt.localeCompare(b.editedAt));
  const complete = revisions.length === 0 || (!edits.pageInfo.hasPreviousPage && pr.includesCreatedEdit);
  return { createdAt: pr.createdAt, revisions, complete };
}

const TEAM_HELP =
  'the token cannot read this team; give the action a token with read:org (or a GitHub App with Members: read) in `github-token`';

/** Whether each login is an authorised reviewer: listed by login, or an active member of a listed team. */
export async function resolveAuthority(
  client: GitHubClient,
  reviewers: string[],
  logins: string[],
): Promise<Map<string, Authority>> {
  const people = new Set(reviewers.filter((r) => !r.includes('/')).map((r) => r.toLowerCase()));
  const teams = reviewers
    .filter((r) => r.includes('/'))
    .map((r) => {
      const [org, slug] = r.split('/') as [string, string];
      return { name: r, org, slug };
    });
  const readable = new Map<string, Promise<boolean>>();
  const canRead = (team: (typeof teams)[number]) => {
    let known = readable.get(team.name);
    if (!known) {
      known = client
        .request('GET /orgs/{org}/teams/{team_slug}', { org: team.org, team_slug: team.slug })
        .then(() => true)
        .catch((error: unknown) => {
          if (error instanceof RequestError && (error.status === 403 || error.status === 404)) return false;
          throw error;
        });
      readable.set(team.name, known);
    }
    return known;
  };
  const result = new Map<string, Authority>();
  await Promise.all(
    logins.map(async (login) => {
      if (people.has(login.toLowerCase())) {
        result.set(login, { kind: 'yes', via: 'listed' });
        return;
      }
      const unreadable: string[] = [];
      for (const team of teams) {
        if (!(await canRead(team))) {
          unreadable.push(team.name);
          continue;
        }
        try {
          const { data } = await client.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
            org: team.org,
            team_slug: team.slug,
            username: login,
          });
          if (data.state === 'active') {
            result.set(login, { kind: 'yes', via: team.name });
            return;
          }
        } catch (error) {
          if (!(error instanceof RequestError && error.status === 404)) throw error;
        }
      }
      result.set(
        login,
        unreadable.length > 0 ? { kind: 'unknown', reason: `${unreadable.join(', ')}: ${TEAM_HELP}` } : { kind: 'no' },
      );
    }),
  );
  return result;
}
