/**
 * The action: inputs and the runner's environment in; check run, comment,
 * job summary, outputs and exit code out. One try/catch: an unexpected error
 * fails the job with one readable line, never a stack trace or the token.
 *
 * The first round of requests goes out as soon as the event is read; the
 * checking code (rules, parsers, reports) is imported after it, while the
 * answers are on their way. What this file imports statically is only what
 * those requests need.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { servicesDocument } from './model/service-facts.js';
import { RequestError } from '@octokit/request-error';
import type { CommentMode, GateResult, ReviewMode } from './action/gate.js';
import { createClient, describeRequest } from './github/client.js';
import { commentWanted, EventError, resolveTarget } from './github/event.js';
import { startFirstRound } from './github/first-round.js';
import { ACTION_DEFAULTS } from './action/defaults.js';
import { LIMITS } from './limits.js';
import { plural } from './report/text.js';
import { MAX_RENDERED } from './model/files.js';

/**
 * One run of the action. `checkScript` is the bundle's entry, which the
 * checking threads run (`budget.ts`); without it every check runs in this
 * thread.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, checkScript?: URL): Promise<void> {
  try {
    const token = core.getInput('github-token', { required: true });
    core.setSecret(token);
    const inputs = readInputs();
    const repository = env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repository.split('/');
    if (!owner || !repo) throw new EventError('GITHUB_REPOSITORY is not set; run this action in a GitHub Actions job.');
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const payload = await readPayload(env.GITHUB_EVENT_PATH);
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const client = await createClient({
      token,
      baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
      warn: (message) => core.warning(message),
      env,
    });
    const target = resolveTarget(eventName, payload, inputs.pullRequest);
    const first = startFirstRound(client, {
      repo: { owner, repo },
      number: target.pullNumber,
      configPath: inputs.configPath,
      repository: { host: new URL(serverUrl).host, owner, repo },
      comments: commentWanted(target, inputs.comment),
      ...(target.event ? { event: target.event } : {}),
    });
    const [{ runGate }, { setCheckScript }, { readRendered }] = await Promise.all([
      import('./action/gate.js'),
      import('./budget.js'),
      import('./disk.js'),
    ]);
    if (checkScript) setCheckScript(checkScript);
    // Rendered manifests are files an earlier step wrote into the workspace; they are read, never run.
    const rendered = await readRendered(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.rendered);
    const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    const result = await runGate(
      client,
      { eventName, payload, repo: { owner, repo }, serverUrl, runUrl },
      { ...inputs, rendered, first },
      {
        info: (m) => core.info(m),
        warning: (m) => core.warning(m),
      },
    );
    await report(result, inputs.checkName, env);
    if (result.report.conclusion === 'failure') {
      const message = `${inputs.checkName} failed: ${plural(result.report.errors, 'error')}, ${plural(result.report.warnings, 'warning')}. See the job summary or the pull-request comment.`;
      if (inputs.failJob) core.setFailed(message);
      else core.warning(message);
    }
  } catch (error) {
    core.setFailed(describe(error));
  }
}

function readInputs() {
  const comment = input('comment');
  if (comment !== 'always' && comment !== 'on-failure' && comment !== 'never') {
    throw new EventError(`input "comment" must be always, on-failure or never, not "${comment}".`);
  }
  const selfLogins = input('bot-login')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    failJob: booleanInput('fail-job'),
    configPath: input('config'),
    checkName: input('check-name'),
    comment: comment as CommentMode,
    review: reviewInput(),
    maxReviewComments: countInput('max-review-comments'),
    pullRequest: input('pull-request'),
    rendered: renderedInput(),
    // Without a login of its own the action could not find its comment again, and would write a new one each run.
    selfLogins: selfLogins.length > 0 ? selfLogins : [ACTION_DEFAULTS['bot-login']],
  };
}

function reviewInput(): ReviewMode {
  const review = input('review');
  if (review !== 'off' && review !== 'changed-lines') {
    throw new EventError(`input "review" must be off or changed-lines, not "${review}".`);
  }
  return review;
}

/**
 * An input as given, or its default in action.yml when left empty: the
 * runner fills defaults in, and so does this for a run that sets no INPUT_*
 * (a local run of the bundle).
 */
function input(name: keyof typeof ACTION_DEFAULTS): string {
  return core.getInput(name).trim() || ACTION_DEFAULTS[name];
}

/** A whole number input, 0 to 1000. */
function countInput(name: keyof typeof ACTION_DEFAULTS): number {
  const raw = input(name);
  if (!/^\d{1,4}$/.test(raw) || Number(raw) > 1000) {
    throw new EventError(`input "${name}" must be a whole number from 0 to 1000, not "${raw}".`);
  }
  return Number(raw);
}

/** The `rendered` input: paths in the workspace, one a line, at most MAX_RENDERED. */
function renderedInput(): string[] {
  const files = input('rendered')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (files.length > MAX_RENDERED) {
    throw new EventError(`input "rendered" names ${files.length} files; at most ${MAX_RENDERED}.`);
  }
  return files;
}

function booleanInput(name: keyof typeof ACTION_DEFAULTS): boolean {
  const value = input(name).toLowerCase();
  if (value === 'true' || value === 'false') return value === 'true';
  throw new EventError(`input "${name}" must be true or false, not "${core.getInput(name)}".`);
}

async function readPayload(file: string | undefined): Promise<Record<string, unknown>> {
  if (!file) return {};
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new EventError(`cannot read the event payload at GITHUB_EVENT_PATH (${file}).`);
  }
}

async function report(result: GateResult, title: string, env: NodeJS.ProcessEnv): Promise<void> {
  const [{ FORMATS }, { formatMarkdown }] = await Promise.all([
    import('./report/formats.js'),
    import('./report/markdown.js'),
  ]);
  const { report: r, notes, link, pullRequest } = result;
  core.setOutput('conclusion', r.conclusion);
  core.setOutput('errors', r.errors);
  core.setOutput('warnings', r.warnings);
  // Each format the action keeps as a file (the JSON report, SARIF) is written beside the others and named in its output.
  const folder = path.join(env.RUNNER_TEMP || tmpdir(), 'readiness-gate');
  await mkdir(folder, { recursive: true });
  const extra = { pullRequest: pullRequest.number, ...(pullRequest.headSha ? { headSha: pullRequest.headSha } : {}) };
  for (const format of FORMATS) {
    if (!format.actionOutput) continue;
    const file = path.join(folder, `report-${pullRequest.number}.${format.actionOutput.extension}`);
    await writeFile(file, format.render(r, { title, notes, color: false, extra }));
    core.setOutput(format.actionOutput.name, file);
  }
  core.setOutput('signed-off-by', r.signOff?.login ?? '');
  // The touched services' readiness facts, for the scorecard a team already keeps (schema/services.schema.json).
  core.setOutput(
    'services-json',
    JSON.stringify(
      servicesDocument(r.services ?? [], {
        ...(env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}),
        ...(pullRequest.headSha ? { commit: pullRequest.headSha } : {}),
      }),
    ),
  );
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(formatMarkdown(r, { title, notes, link, limit: LIMITS.jobSummary })).write();
  }
  core.info(
    `${title}: ${r.conclusion} (${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}); check run ${result.checkRun}, comment ${result.comment}${reviewLog(result.review)}.`,
  );
}

function reviewLog(review: GateResult['review']): string {
  if (review === undefined) return '';
  if (typeof review === 'string') return `, review comments ${review}`;
  return `, review comments: ${review.posted} posted, ${review.kept} kept, ${review.deleted} deleted, ${review.resolved} marked resolved`;
}

/** One line for the job log: what went wrong and, where known, what to do. */
export function describe(error: unknown): string {
  if (error instanceof EventError) return `readiness-gate: ${error.message}`;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (error instanceof RequestError) {
    if (error.status === 401) return 'readiness-gate: GitHub rejected the token (401). Check the github-token input.';
    // Octokit reports a request that got no answer at all as status 500 without a response.
    if (!error.response) return `readiness-gate: could not reach GitHub on ${describeRequest(error)}: ${message}`;
    return `readiness-gate: GitHub answered ${error.status} on ${describeRequest(error)}: ${message}`;
  }
  return `readiness-gate: unexpected error: ${message}`;
}
