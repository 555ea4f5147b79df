/**
 * The action's steps: run the pipeline over the pull request as GitHub has
 * it (`github/source.ts`), then publish the check run and the comment.
 * Nothing from the pull request is run, and nothing is checked out. Inputs,
 * outputs and the job summary are main.ts's business; this file only talks
 * to GitHub through `github/`.
 */
import { RequestError } from '@octokit/request-error';
import { DEFAULT_MAX_ANNOTATIONS } from '../config/load.js';
import { AnnotationsNotAdded, publishCheckRun } from '../github/check-run.js';
import type { FirstRound } from '../github/first-round.js';
import type { GitHubClient } from '../github/client.js';
import { upsertComment, type CommentResult, type IssueComment } from '../github/comment.js';
import { commentWanted, resolveTarget, type Target } from '../github/event.js';
import { syncReview, type ReviewSync } from '../github/review-comments.js';
import { ACTION_DEFAULTS } from './defaults.js';
import { pathUri } from '../model/paths.js';
import { getPullRequest, type PullRequest, type Repo } from '../github/repository.js';
import { GitHubSource } from '../github/source.js';
import { PULL_REQUEST } from '../kinds/pull-request.js';
import { LIMITS, type Limit } from '../limits.js';
import { runPipeline } from '../pipeline.js';
import { annotationsFor } from '../report/annotations.js';
import { formatMarkdown } from '../report/markdown.js';
import { planReview } from '../report/review.js';
import { plural } from '../report/text.js';
import { GATE_FINDINGS, type Report } from '../model/report.js';
import type { RenderedFile } from '../model/files.js';

export type CommentMode = 'always' | 'on-failure' | 'never';
export type ReviewMode = 'off' | 'changed-lines';

export interface GateInputs {
  configPath: string;
  checkName: string;
  comment: CommentMode;
  pullRequest: string;
  selfLogins: string[];
  /** Review comments on the changed lines (`review`), and at most how many a run posts (`max-review-comments`). */
  review?: ReviewMode;
  maxReviewComments?: number;
  /** Manifests rendered before the run, read from the workspace (the `rendered` input). */
  rendered?: readonly RenderedFile[];
  /** The first round of requests, asked for while the action loaded (`github/first-round.ts`). */
  first?: FirstRound;
}

export interface GateEnv {
  eventName: string;
  payload: Record<string, unknown>;
  repo: Repo;
  serverUrl: string;
  runUrl?: string;
}

export interface Log {
  info(message: string): void;
  warning(message: string): void;
}

export interface GateResult {
  report: Report;
  /** Trusted lines shown under the verdict: write failures, stale runs. */
  notes: string[];
  /** The pull request's number, and the commit the verdict is about when known. */
  pullRequest: { number: number; headSha?: string };
  target: Target;
  checkRun: number | 'not written';
  comment: CommentResult | 'not written' | 'stale';
  /** What the review comments did, when `review` is on. */
  review?: ReviewSync | 'not written' | 'stale';
  link: (source: string, line?: number) => string | undefined;
}

export async function runGate(client: GitHubClient, env: GateEnv, inputs: GateInputs, log: Log): Promise<GateResult> {
  const target = resolveTarget(env.eventName, env.payload, inputs.pullRequest);
  const source = new GitHubSource(client, {
    repo: env.repo,
    number: target.pullNumber,
    configPath: inputs.configPath,
    serverUrl: env.serverUrl,
    ...(target.event?.baseSha ? { eventBaseSha: target.event.baseSha } : {}),
    ...(target.event?.body !== undefined ? { eventBody: target.event.body } : {}),
    ...(inputs.first ? { first: inputs.first } : {}),
  });
  const wanted = commentWanted(target, inputs.comment);
  const reviewing = target.comment && inputs.review === 'changed-lines';
  // Read with the pull request, not after the check: the comment writer and sign-off share them.
  const comments = wanted ? source.comments() : undefined;
  comments?.catch(() => {}); // awaited by the comment writer

  const outcome = await runPipeline(source, {
    ...(inputs.rendered?.length ? { rendered: inputs.rendered } : {}),
    // A suggestion is a fix someone applies with one click: each is tried on its file first.
    ...(reviewing ? { verifyFixes: true } : {}),
  });
  const { report } = outcome;
  const pr = await source.pull().catch(() => undefined);
  const headSha = pr?.headSha ?? target.event?.headSha;
  const link = headSha ? blobLink(env, headSha) : () => undefined;
  const notes = [...outcome.notes];
  const maxAnnotations = outcome.config?.report.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS;
  const { sent, leftOut } = annotationsFor(report.findings, maxAnnotations);
  if (leftOut > 0) {
    notes.push(
      `${leftOut} of ${sent.length + leftOut} findings in files are not annotations on the check run (at most ${maxAnnotations}: \`report.max-annotations\`); they are all listed here and in the JSON report.`,
    );
  }

  // The check run and the comment are independent: both go out at once.
  const writes = new WriteGuard(log);
  const render = (limit: Limit, heading = true) =>
    formatMarkdown(report, { title: inputs.checkName, limit, notes: [...notes], link, heading });
  const reportSha = target.reportSha ?? headSha;
  const checkRun = reportSha
    ? writes.attempt('the check run', () =>
        publishCheckRun(client, env.repo, {
          name: inputs.checkName,
          headSha: reportSha,
          conclusion: report.conclusion,
          title: title(report),
          // GitHub shows the check's name and title above its summary: the summary does not say them again.
          summary: render(LIMITS.checkRunSummary, false),
          annotations: sent,
          detailsUrl: env.runUrl,
        }),
      )
    : Promise.resolve('not written' as const);
  // The head is read again while the check run is written: a pull request that moved on gets neither.
  const current =
    pr && (wanted || reviewing) ? getPullRequest(client, env.repo, pr.number).catch(() => undefined) : undefined;
  const comment =
    wanted && pr && comments && current
      ? writeComment(client, env, inputs, pr, current, report.conclusion, render, writes, comments)
      : undefined;
  const review =
    reviewing && pr && current ? writeReview(client, env, inputs, pr, current, source, report, writes) : undefined;
  const [checkRunId, commentResult, reviewResult] = await Promise.all([checkRun, comment, review]);
  if (!reportSha) notes.push('No check run was written: neither the pull request nor the event names its head commit.');
  if (commentResult === 'stale' && pr) {
    notes.push(
      `The pull request moved on while ${pr.headSha.slice(0, 7)} was checked; the comment is left to the run for the newer commit.`,
    );
  }
  if (reviewResult && reviewResult !== 'not written' && reviewResult !== 'stale' && reviewResult.notPosted > 0) {
    notes.push(
      `${plural(reviewResult.notPosted, 'finding')} on changed lines ${reviewResult.notPosted === 1 ? 'is' : 'are'} not review comments (at most ${inputs.maxReviewComments ?? Number(ACTION_DEFAULTS['max-review-comments'])} a run: \`max-review-comments\`); every finding is listed here.`,
    );
  }
  notes.push(...writes.notes);
  return {
    report,
    notes,
    pullRequest: { number: target.pullNumber, ...(headSha ? { headSha } : {}) },
    target,
    checkRun: checkRunId,
    comment: commentResult ?? 'none',
    ...(reviewResult ? { review: reviewResult } : {}),
    link,
  };
}

/**
 * Updates or creates the comment, unless the pull request's head moved on
 * since it was read. The head is read again while the check run is written.
 */
async function writeComment(
  client: GitHubClient,
  env: GateEnv,
  inputs: GateInputs,
  pr: PullRequest,
  currentRead: Promise<PullRequest | undefined>,
  conclusion: Report['conclusion'],
  render: (limit: Limit) => string,
  writes: WriteGuard,
  commentsRead: Promise<IssueComment[]>,
): Promise<GateResult['comment']> {
  const [current, comments] = await Promise.all([currentRead, commentsRead.catch(() => undefined)]);
  if (!current) {
    writes.say('Could not read the pull request again before writing the comment; it is left as it was.');
    return 'not written';
  }
  if (current.headSha !== pr.headSha) return 'stale';
  // Without the list, a new comment could be a second one: none is written.
  if (!comments) {
    writes.say("Could not read the pull request's comments, so the comment is not written (it could be a duplicate).");
    return 'not written';
  }
  const create = inputs.comment === 'always' || conclusion === 'failure';
  const body = render(LIMITS.comment);
  return writes.attempt('the pull-request comment', () =>
    upsertComment(client, env.repo, pr.number, { body, create, selfLogins: inputs.selfLogins }, comments),
  );
}

/**
 * Posts the findings on changed lines as review comments, and tidies the
 * gate's earlier ones, unless the pull request moved on. A run that could
 * not check everything (a file it could not read, a broken config) posts
 * what it found and removes nothing: a finding it did not look for is not
 * a finding that is gone.
 */
async function writeReview(
  client: GitHubClient,
  env: GateEnv,
  inputs: GateInputs,
  pr: PullRequest,
  currentRead: Promise<PullRequest | undefined>,
  source: GitHubSource,
  report: Report,
  writes: WriteGuard,
): Promise<GateResult['review']> {
  if (report.skipped) return { posted: 0, kept: 0, deleted: 0, resolved: 0, notPosted: 0 };
  const [current, files] = await Promise.all([currentRead, source.listed().catch(() => undefined)]);
  if (!current || !files) {
    writes.say('Could not read the pull request again before writing review comments; they are left as they were.');
    return 'not written';
  }
  if (current.headSha !== pr.headSha) return 'stale';
  const patches = new Map(files.map((f) => [f.path, f.patch]));
  const plan = planReview(report.findings, patches);
  const partial = report.findings.some((f) => (GATE_FINDINGS as readonly string[]).includes(f.ruleId));
  return writes.attempt('review comments', () =>
    syncReview(client, env.repo, { number: pr.number, headSha: pr.headSha }, plan, {
      selfLogins: inputs.selfLogins,
      max: inputs.maxReviewComments ?? Number(ACTION_DEFAULTS['max-review-comments']),
      keepGone: partial,
    }),
  );
}

function title(report: Report): string {
  if (report.skipped) return 'Skipped';
  const counts = `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}${report.notices > 0 ? `, ${plural(report.notices, 'notice')}` : ''}`;
  return (report.conclusion === 'success' ? `Passed (${counts})` : `Failed: ${counts}`).slice(
    0,
    LIMITS.checkRunTitle.max,
  );
}

function blobLink(env: GateEnv, sha: string) {
  return (source: string, line?: number): string | undefined => {
    if (source === PULL_REQUEST) return undefined;
    const path = pathUri(source);
    // GitHub shows a Markdown file rendered and ignores #L25 there: ?plain=1 shows its source, at the line.
    const plain = line && /\.(?:md|markdown|mdx)$/i.test(source) ? '?plain=1' : '';
    return `${env.serverUrl}/${env.repo.owner}/${env.repo.repo}/blob/${sha}/${path}${plain}${line ? `#L${line}` : ''}`;
  };
}

/**
 * A read-only token (a fork's pull request under `pull_request`) gets 403 on
 * every write. The first such answer is reported once; later writes are not
 * tried. A write GitHub keeps failing (5xx past the retries) is reported too.
 * Either way the verdict still stands in the job summary, outputs and exit code.
 */
class WriteGuard {
  allowed = true;
  readonly notes: string[] = [];
  constructor(private readonly log: Log) {}

  async attempt<T>(what: string, write: () => Promise<T>): Promise<T | 'not written'> {
    if (!this.allowed) return 'not written';
    try {
      return await write();
    } catch (error) {
      if (error instanceof AnnotationsNotAdded) {
        // The token could write: this is not a read-only token, whatever the status.
        const cause = error.cause instanceof RequestError ? `HTTP ${error.cause.status}: ` : '';
        const reason = error.cause instanceof Error ? error.cause.message.split('\n')[0] : String(error.cause);
        this.say(
          `The check run was created, but only ${error.sent} of ${error.total} annotations could be added (${cause}${reason}). Every finding is in this summary and the JSON report.`,
        );
        return error.checkRunId as T;
      }
      const status = error instanceof RequestError ? error.status : undefined;
      if (status !== 403 && status !== 404) {
        // GitHub still failing after the retries: the verdict must not be lost with the write.
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        this.say(
          `Could not write ${what} (${status ? `HTTP ${status}: ` : ''}${reason}). The verdict is in this job summary, the outputs and the exit code.`,
        );
        return 'not written';
      }
      if (!this.allowed) return 'not written'; // a concurrent write already said so
      this.allowed = false;
      this.say(
        `Could not write ${what} (HTTP ${status}): the token is read-only here, as for pull requests from forks under \`pull_request\`. ` +
          'The verdict is in this job summary, the outputs and the exit code. See docs/action.md in readiness-gate for the pull_request_target set-up.',
      );
      return 'not written';
    }
  }

  say(message: string): void {
    this.log.warning(message);
    this.notes.push(message);
  }
}
