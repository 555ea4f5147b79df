/**
 * Sign-off inside the action: what it reads from GitHub, and how its verdict
 * joins the report. The decision itself is the pure `signoff/evaluate.ts`.
 */
import type { SignOffConfig } from '../config/types.js';
import { summarise, type Report } from '../engine.js';
import type { DocumentView } from '../markdown/document.js';
import type { Finding } from '../rules/rule.js';
import type { GitHubClient } from '../github/client.js';
import { listComments, MARKER, type IssueComment } from '../github/comment.js';
import type { PullRequest, Repo } from '../github/repository.js';
import { descriptionHistory, listReviews, resolveAuthority, type History } from '../github/signoff.js';
import { evaluateSignOff, loginsToCheck, type Authority, type ReviewRecord } from '../signoff/evaluate.js';

export interface SignOffData {
  reviews: ReviewRecord[];
  comments: IssueComment[];
  history: History;
  authority: Map<string, Authority>;
  /** Trusted lines for the report, e.g. that the edit history could not be read. */
  notes: string[];
}

export async function readSignOffData(
  client: GitHubClient,
  repo: Repo,
  pr: PullRequest,
  config: SignOffConfig,
): Promise<SignOffData> {
  const notes: string[] = [];
  const [reviews, comments, history] = await Promise.all([
    listReviews(client, repo, pr.number),
    listComments(client, repo, pr.number),
    descriptionHistory(client, repo, pr.number).catch((error: Error): History => {
      notes.push(
        `Could not read the description's edit history (${error.message.split('\n')[0]}), so ticks in it cannot be attributed to a reviewer.`,
      );
      return { createdAt: '', revisions: [], complete: false };
    }),
  ]);
  const logins = loginsToCheck({ author: pr.author, reviews, comments, revisions: history.revisions });
  const authority = await resolveAuthority(client, config.reviewers, logins);
  return { reviews, comments, history, authority, notes };
}

/** The report with the sign-off findings (source: the description) and who signed off. */
export function applySignOff(
  report: Report,
  data: SignOffData,
  context: { config: SignOffConfig; strict: boolean; pr: PullRequest; description: DocumentView },
): Report {
  const { config, strict, pr, description } = context;
  const result = evaluateSignOff({
    config,
    author: pr.author,
    headSha: pr.headSha,
    description,
    createdAt: data.history.createdAt,
    reviews: data.reviews,
    comments: data.comments.filter((c) => !c.body.startsWith(MARKER)),
    revisions: data.history.revisions,
    historyComplete: data.history.complete,
    authority: data.authority,
  });
  const findings = [
    ...report.findings,
    ...result.findings.map((f): Finding => ({
      ruleId: 'sign-off',
      severity: 'error',
      source: 'pull-request',
      message: f.message,
      line: f.line,
      column: f.column,
    })),
  ];
  const merged = summarise(findings, report.waivers, report.passed, report.sources, strict);
  return result.signedOff ? { ...merged, signOff: result.signedOff } : merged;
}
