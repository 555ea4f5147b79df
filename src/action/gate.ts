/**
 * The action's steps: read the pull request fresh from the API, the config
 * from the base commit and the runbooks from the head commit; check; then
 * publish the check run and the comment. Nothing from the pull request is
 * run, and nothing is checked out. Inputs, outputs and the job summary are
 * main.ts's business; this file only talks to GitHub through `github/`.
 */
import { RequestError } from '@octokit/request-error';
import { ConfigError, DEFAULT_MAX_ANNOTATIONS, loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { checkWithinBudget, readDescription } from '../budget.js';
import { summarise, type Finding, type Report } from '../engine.js';
import { AnnotationsNotAdded, publishCheckRun } from '../github/check-run.js';
import { annotationsFor } from '../report/annotations.js';
import type { GitHubClient } from '../github/client.js';
import { upsertComment, type CommentResult, type IssueComment } from '../github/comment.js';
import { resolveTarget, type Target } from '../github/event.js';
import {
  getPullRequest,
  listChangedFiles,
  readFileAt,
  type ListedFile,
  type PullRequest,
  type Repo,
} from '../github/repository.js';
import type { PullRequestFacts } from '../model/conditions.js';
import { PULL_REQUEST } from '../kinds/pull-request.js';
import { LIMITS, type Limit } from '../limits.js';
import { mapLimit } from '../concurrency.js';
import type { Unread } from '../kinds/kind.js';
import { planCompanions, planFiles, READ_CONCURRENCY, skipReason, withText, type PlannedFile } from '../plan.js';
import { CONFIG_PATH } from '../init/templates.js';
import { formatMarkdown } from '../report/markdown.js';
import { plural } from '../report/text.js';
import { readApprovalFacts, readSignOffData } from '../signoff/read.js';

export type CommentMode = 'always' | 'on-failure' | 'never';

export interface GateInputs {
  configPath: string;
  checkName: string;
  comment: CommentMode;
  pullRequest: string;
  selfLogins: string[];
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
  /** Trusted lines shown under the verdict: skips, write failures, stale runs. */
  notes: string[];
  pullRequest: PullRequest;
  target: Target;
  checkRun: number | 'not written';
  comment: CommentResult | 'not written' | 'stale';
  link: (source: string, line?: number) => string | undefined;
}

export async function runGate(client: GitHubClient, env: GateEnv, inputs: GateInputs, log: Log): Promise<GateResult> {
  const target = resolveTarget(env.eventName, env.payload, inputs.pullRequest);
  const pr = await getPullRequest(client, env.repo, target.pullNumber);
  const link = blobLink(env, pr.headSha);
  const notes: string[] = [];

  const evaluation = await evaluate(client, env, pr, inputs.configPath);
  const { report, skipped, comments } = evaluation;
  if (skipped) notes.push(`Skipped: ${skipped}`);
  notes.push(...evaluation.notes);
  const { sent, leftOut } = annotationsFor(report.findings, evaluation.maxAnnotations);
  if (leftOut > 0) {
    notes.push(
      `${leftOut} of ${sent.length + leftOut} findings in files are not annotations on the check run (at most ${evaluation.maxAnnotations}: \`report.max-annotations\`); they are all listed here and in the JSON report.`,
    );
  }

  // The check run and the comment are independent: both go out at once.
  const writes = new WriteGuard(log);
  const render = (limit: Limit) => formatMarkdown(report, { title: inputs.checkName, limit, notes: [...notes], link });
  const checkRun = writes.attempt('the check run', () =>
    publishCheckRun(client, env.repo, {
      name: inputs.checkName,
      headSha: target.reportSha ?? pr.headSha,
      conclusion: report.conclusion,
      title: title(report, skipped),
      summary: render(LIMITS.checkRunSummary),
      annotations: sent,
      detailsUrl: env.runUrl,
    }),
  );
  const wanted = target.comment && inputs.comment !== 'never';
  const comment = wanted
    ? writeComment(client, env, inputs, pr, report.conclusion, render, writes, comments)
    : undefined;
  const [checkRunId, commentResult] = await Promise.all([checkRun, comment]);
  if (commentResult === 'stale') {
    notes.push(
      `The pull request moved on while ${pr.headSha.slice(0, 7)} was checked; the comment is left to the run for the newer commit.`,
    );
  }
  notes.push(...writes.notes);
  return { report, notes, pullRequest: pr, target, checkRun: checkRunId, comment: commentResult ?? 'none', link };
}

/** Updates or creates the comment, unless the pull request's head moved on since it was read. */
async function writeComment(
  client: GitHubClient,
  env: GateEnv,
  inputs: GateInputs,
  pr: PullRequest,
  conclusion: Report['conclusion'],
  render: (limit: Limit) => string,
  writes: WriteGuard,
  comments: IssueComment[] | undefined,
): Promise<GateResult['comment']> {
  const current = await getPullRequest(client, env.repo, pr.number);
  if (current.headSha !== pr.headSha) return 'stale';
  const create = inputs.comment === 'always' || conclusion === 'failure';
  const body = render(LIMITS.comment);
  return writes.attempt('the pull-request comment', () =>
    upsertComment(client, env.repo, pr.number, { body, create, selfLogins: inputs.selfLogins }, comments),
  );
}

interface Evaluation {
  report: Report;
  skipped?: string;
  /** The pull request's comments, when sign-off already read them. */
  comments?: IssueComment[];
  notes: string[];
  /** From the config, or the default when it could not be read. */
  maxAnnotations: number;
}

async function evaluate(
  client: GitHubClient,
  { repo, serverUrl }: GateEnv,
  pr: PullRequest,
  configPath: string,
): Promise<Evaluation> {
  // The changed files are asked for alongside the config; a skip or a broken config leaves them unused.
  const changedFiles = listChangedFiles(client, repo, pr.number);
  changedFiles.catch(() => {}); // awaited below, or not needed
  let config: ResolvedConfig;
  try {
    const text = await readFileAt(client, repo, configPath, pr.baseSha);
    // Only the default path may be absent: a named config that is missing would silently drop the team's rules.
    if (text === undefined && configPath !== CONFIG_PATH) {
      const detail = `no such file at the base commit ${pr.baseSha.slice(0, 7)}, though the \`config\` input names it. Fix the input, or add the file.`;
      throw new ConfigError(configPath, 1, 1, detail);
    }
    config = loadConfig(text, configPath);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { report: configFailure(error), notes: [], maxAnnotations: DEFAULT_MAX_ANNOTATIONS };
  }
  // The changed files are needed before the skip decision only for skip.only-changed-files.
  const listed = config.skip.onlyChangedFiles.length > 0 || config.when.length > 0 ? await changedFiles : undefined;
  const facts: PullRequestFacts = {
    ...(listed ? { changedFiles: changedFacts(listed, pr) } : {}),
    labels: pr.labels,
    baseBranch: pr.baseRef,
    author: pr.author,
    title: pr.title,
  };
  const skipped = skipReason(config, { ...pr, ...(facts.changedFiles ? { changedFiles: facts.changedFiles } : {}) });
  const maxAnnotations = config.report.maxAnnotations;
  if (skipped) return { report: summarise([], [], [], [], config.strict), skipped, notes: [], maxAnnotations };
  const signOffData = config.signOff ? readSignOffData(client, repo, pr, config.signOff) : undefined;
  signOffData?.catch(() => {}); // awaited below

  // A link to this repository by its GitHub URL is a file at the head commit.
  config.pullRequest.runbook.repository = { host: new URL(serverUrl).host, ...repo };
  const { linked, description } = await readDescription(pr.body, config);
  const changed = (listed ?? (await changedFiles)).filter((f) => f.status !== 'removed').map((f) => f.path);
  const planned = planFiles({ linked, changed }, config);
  const read = (list: readonly PlannedFile[]) =>
    mapLimit(list, READ_CONCURRENCY, async (file) =>
      withText(
        file,
        file.unread ? undefined : await readOrWhy(client, repo, file.path, file.fromBase ? pr.baseSha : pr.headSha),
      ),
    );
  const documents = await read(planned);
  const files = [...documents, ...(await read(planCompanions(documents)))];
  const data = await signOffData;
  const approvals = config.when.some((w) => w.require.approvals > 0)
    ? await readApprovalFacts(client, repo, pr, config.when, {
        allowStaleApproval: config.signOff?.allowStaleApproval ?? false,
        ...(data ? { reviews: Promise.resolve(data.facts.reviews) } : {}),
      })
    : undefined;
  const report = await checkWithinBudget({
    description,
    files,
    config,
    pullRequest: { ...facts, ...(approvals ? { approvals } : {}) },
    ...(data ? { reviews: data.facts } : {}),
  });
  return data
    ? { report, comments: data.comments, notes: data.notes, maxAnnotations }
    : { report, notes: [], maxAnnotations };
}

/** The changed files as `when` entries read them; GitHub lists at most 3,000 of them. */
function changedFacts(files: ListedFile[], pr: PullRequest): NonNullable<PullRequestFacts['changedFiles']> {
  const total = Math.max(pr.changedFileCount, files.length);
  return {
    files: files.map((f) => ({ path: f.path, ...(f.previous ? { previous: f.previous } : {}) })),
    truncated: files.length < total,
    total,
  };
}

/** A file's text at the head commit, undefined when absent, or why it could not be read. */
async function readOrWhy(
  client: GitHubClient,
  repo: Repo,
  path: string,
  ref: string,
): Promise<string | undefined | Unread> {
  try {
    return await readFileAt(client, repo, path, ref);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const status = error instanceof RequestError && error.response ? `GitHub answered ${error.status}: ` : '';
    return { kind: 'failed', reason: `${status}${reason}` };
  }
}

function configFailure(error: ConfigError): Report {
  const finding: Finding = {
    ruleId: 'config-invalid',
    severity: 'error',
    message: `${error.detail} The config is read from the base branch: fix it there.`,
    source: error.file,
    line: error.line,
    column: error.column,
  };
  return { ...summarise([finding], [], [], [error.file], false), config: error.file };
}

function title(report: Report, skipped: string | undefined): string {
  if (skipped) return 'Skipped';
  const counts = `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`;
  return (report.conclusion === 'success' ? `Passed (${counts})` : `Failed: ${counts}`).slice(
    0,
    LIMITS.checkRunTitle.max,
  );
}

function blobLink(env: GateEnv, sha: string) {
  return (source: string, line?: number): string | undefined => {
    if (source === PULL_REQUEST) return undefined;
    const path = source.split('/').map(encodeURIComponent).join('/').replace(/\(/g, '%28').replace(/\)/g, '%29');
    return `${env.serverUrl}/${env.repo.owner}/${env.repo.repo}/blob/${sha}/${path}${line ? `#L${line}` : ''}`;
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
          'The verdict is in this job summary, the outputs and the exit code. See the README for the pull_request_target set-up.',
      );
      return 'not written';
    }
  }

  private say(message: string): void {
    this.log.warning(message);
    this.notes.push(message);
  }
}
