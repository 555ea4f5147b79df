/**
 * `readiness-gate doctor`: what will not work in a repository's set-up of
 * the gate, each with its fix. Pure: the workflows, the required checks
 * and rules, and the config (as `cli/doctor.ts` read them) in; problems out.
 * It says nothing where the set-up is right: no finding is a false alarm.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError, loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { lineOf } from '../model/yaml-position.js';
import { ownersOf, parseCodeowners } from '../model/codeowners.js';

export interface DoctorFacts {
  /** `owner/repo`. */
  repository: string;
  defaultBranch: string;
  /** The workflow files at the default branch. */
  workflows: { path: string; text: string }[];
  /** Checks the default branch requires (branch protection and rulesets), or why they could not be read. */
  requiredChecks: { context: string; from: string }[] | { unknown: string };
  /** Whether a ruleset puts the default branch behind a merge queue. */
  mergeQueue: boolean;
  /** The config at the default branch; text undefined when there is none. */
  config: { path: string; text: string | undefined };
  /** What keeps a pull request from editing the workflow that runs the gate. */
  workflowGuard: WorkflowGuard;
}

/**
 * Under `pull_request`, GitHub runs the pull request's own copy of the
 * workflow: a pull request can take the gate's step out, and the check it
 * is required as still passes. What stops it is read here.
 */
export interface WorkflowGuard {
  /** The workflow paths rulesets require to pass (`workflows` rules), which run from their own ref. */
  requiredWorkflows: string[];
  /** The CODEOWNERS file GitHub reads, when there is one. */
  codeowners?: { file: string; text: string };
  /** Whether a code owner's review is required (branch protection, or a ruleset's pull_request rule). */
  codeOwnerReview: boolean | 'unknown';
}

export interface Problem {
  /** A file (and line), or the repository's settings. */
  where: string;
  line?: number;
  problem: string;
  fix: string;
  /** Said for the record, not a problem: what protects the set-up. */
  info?: true;
}

const ACTION = /^readiness-gate\/readiness-gate@/;
const REUSABLE = /^readiness-gate\/readiness-gate\/\.github\/workflows\/gate\.ya?ml@/;
/** The job id of the reusable workflow: its check is `<caller job> / readiness`. */
const REUSABLE_JOB = 'readiness';
/** What `pull_request` fires on when a workflow gives no `types`. */
const DEFAULT_TYPES = ['opened', 'synchronize', 'reopened'];

interface GateJob {
  workflow: string;
  id: string;
  line: number;
  /** The status check the job reports as. */
  check: string;
  /** The step's or call's `with:`. */
  inputs: Record<string, unknown>;
  permissions: unknown;
  /** The job's `if:`, and the gate step's. */
  jobIf?: unknown;
  stepIf?: unknown;
  /** `continue-on-error` of the job, and of the gate step. */
  jobContinues?: unknown;
  stepContinues?: unknown;
  /** The gate step's `id`, and the steps after it, as GitHub reads them. */
  stepId?: unknown;
  after: unknown[];
  /** The line of the gate step (or of the call). */
  stepLine: number;
  /** Whether it is a call of the reusable workflow. */
  reusable: boolean;
}

export function diagnose(facts: DoctorFacts): Problem[] {
  const problems: Problem[] = [];
  const config = loadedConfig(facts.config, problems);
  const gates: GateJob[] = [];
  for (const workflow of facts.workflows) {
    const counter = new LineCounter();
    const doc = parseDocument(workflow.text, { lineCounter: counter, prettyErrors: false });
    if (doc.errors.length > 0) continue; // GitHub refuses it and says so; not the gate's to report
    const jobs = gateJobs(workflow.path, doc, counter);
    if (jobs.length === 0) continue;
    gates.push(...jobs);
    problems.push(...triggerProblems(workflow.path, doc, counter, config, facts.mergeQueue));
    for (const job of jobs) problems.push(...jobProblems(job, config), ...bypassProblems(job));
    problems.push(...guardProblems(workflow.path, doc, counter, facts.workflowGuard));
  }
  if (gates.length === 0) {
    problems.push({
      where: '.github/workflows/',
      problem: `No workflow on ${facts.defaultBranch} runs readiness-gate (the action or the reusable workflow).`,
      fix: 'Add one: `readiness-gate init` writes .github/workflows/readiness-gate.yml.',
    });
    return problems;
  }
  problems.push(...requiredProblems(gates, facts));
  return problems;
}

function loadedConfig(config: DoctorFacts['config'], problems: Problem[]): ResolvedConfig | undefined {
  try {
    return loadConfig(config.text, config.path);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push({
      where: error.file,
      line: error.line,
      problem: `The config does not load: ${error.detail}`,
      fix: 'Fix it on the default branch: the gate reads it from the base branch of each pull request.',
    });
    return undefined;
  }
}

const get = (node: unknown, key: string): unknown => (isMap(node) ? node.get(key, true) : undefined);
const value = (node: unknown): unknown => (isScalar(node) ? node.value : undefined);

/**
 * The jobs that run the gate: a step with the action, or a call of the
 * reusable workflow. Values are read as GitHub reads them, anchors and
 * aliases resolved (`permissions: *write`); lines from the nodes.
 */
function gateJobs(path: string, doc: Document, counter: LineCounter): GateJob[] {
  const jobs = get(doc.contents, 'jobs');
  if (!isMap(jobs)) return [];
  let js: Record<string, unknown>;
  try {
    js = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch {
    return []; // an alias bomb: GitHub refuses the workflow too
  }
  const asObject = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const jobsJs = asObject(js.jobs);
  const found: GateJob[] = [];
  for (const pair of jobs.items) {
    const id = String(value(pair.key) ?? '');
    const job = asObject(jobsJs[id]);
    const display = typeof job.name === 'string' ? job.name : id;
    const permissions = job.permissions ?? js.permissions;
    const line = lineOf(counter, pair.key);
    const common = { workflow: path, id, line, permissions, jobIf: job.if, jobContinues: job['continue-on-error'] };
    if (typeof job.uses === 'string' && REUSABLE.test(job.uses)) {
      const secrets = asObject(job.secrets);
      found.push({
        ...common,
        check: `${display} / ${REUSABLE_JOB}`,
        inputs: { ...asObject(job.with), ...secrets },
        after: [],
        stepLine: line,
        reusable: true,
      });
      continue;
    }
    const steps = Array.isArray(job.steps) ? job.steps : [];
    const stepNodes = get(pair.value, 'steps');
    steps.forEach((raw, i) => {
      const step = asObject(raw);
      if (typeof step.uses !== 'string' || !ACTION.test(step.uses)) return;
      found.push({
        ...common,
        check: display,
        inputs: asObject(step.with),
        stepIf: step.if,
        stepContinues: step['continue-on-error'],
        stepId: step.id,
        after: steps.slice(i + 1),
        stepLine: isSeq(stepNodes) ? lineOf(counter, stepNodes.items[i]) : line,
        reusable: false,
      });
    });
  }
  return found;
}

/** An `if:` that holds on every pull request: it never skips the job. */
const ALWAYS =
  /^\s*(?:\$\{\{\s*)?(?:always\(\)|!\s*cancelled\(\)|success\(\)\s*\|\|\s*failure\(\)|true)(?:\s*\}\})?\s*$/;

/** What lets a pull request pass the gate's required check without passing the gate. */
function bypassProblems(job: GateJob): Problem[] {
  const problems: Problem[] = [];
  const at = { where: job.workflow, line: job.stepLine };
  const set = (v: unknown) => v !== undefined && v !== false && String(v).trim() !== 'false';
  if (set(job.jobContinues) || set(job.stepContinues)) {
    problems.push({
      ...at,
      problem: `Job "${job.id}" runs the gate with \`continue-on-error: ${String(job.stepContinues ?? job.jobContinues)}\`: a failing gate does not fail the job, and the required check passes.`,
      fix: "Remove `continue-on-error` from the gate's step and job.",
    });
  }
  const condition = [job.jobIf, job.stepIf].find((c) => c !== undefined && !ALWAYS.test(String(c)));
  if (condition !== undefined) {
    problems.push({
      ...at,
      problem: `Job "${job.id}" runs the gate only \`if: ${String(condition)}\`: where that is false on a pull request, the ${condition === job.jobIf ? 'job is skipped, and a skipped required check counts as passing' : 'step is skipped, and the job passes'}.`,
      fix: 'Remove the `if:`; to pass some pull requests unchecked, use `skip` in the config, which reports success with the reason.',
    });
  }
  const failJob = job.inputs['fail-job'];
  if (failJob !== undefined && String(failJob).trim() === 'false') {
    const id = typeof job.stepId === 'string' ? job.stepId : undefined;
    const failsLater =
      id !== undefined && job.after.some((step) => JSON.stringify(step).includes(`steps.${id}.outputs.conclusion`));
    if (!failsLater) {
      problems.push({
        ...at,
        problem: `Job "${job.id}" runs the gate with \`fail-job: false\`, and no later step fails the job on its \`conclusion\` output: the required check passes whatever the gate says.`,
        fix: 'Remove `fail-job: false`, or give the step an `id` and fail the job in a later step when `steps.<id>.outputs.conclusion` is failure.',
      });
    }
  }
  return problems;
}

/**
 * Whether the workflow that runs the gate is guarded from the pull request
 * itself: under `pull_request` it is the pull request's own copy, so the
 * gate is only as strong as a ruleset that requires the workflow, or a code
 * owner's review of `.github/workflows/`. Said either way.
 */
function guardProblems(path: string, doc: Document, counter: LineCounter, guard: WorkflowGuard): Problem[] {
  const on = get(doc.contents, 'on');
  const events = eventsOf(on);
  if (!events.includes('pull_request')) return [];
  const at = { where: path, line: lineOf(counter, on) };
  if (guard.requiredWorkflows.includes(path)) {
    return [
      {
        ...at,
        info: true,
        problem:
          "A ruleset requires this workflow: GitHub runs it from the ruleset's ref, not from the pull request, so a pull request cannot change what the gate runs.",
        fix: 'Nothing to do.',
      },
    ];
  }
  const owned = guard.codeowners && ownersOf(parseCodeowners(guard.codeowners.text), path);
  const codeOwners = owned && { file: guard.codeowners!.file, owners: owned.owners };
  if (codeOwners && guard.codeOwnerReview === true) {
    return [
      {
        ...at,
        info: true,
        problem: `Under pull_request the gate runs the pull request's own copy of this workflow; a change to it needs a review by ${codeOwners.owners.join(', ')} (${codeOwners.file}, code owner review required).`,
        fix: 'Nothing to do; a ruleset that requires the workflow would not depend on the reviewers.',
      },
    ];
  }
  const has = codeOwners
    ? `${codeOwners.file} names ${codeOwners.owners.join(', ')} for it, but ${guard.codeOwnerReview === 'unknown' ? 'doctor could not read whether' : 'nothing requires'} a code owner's review`
    : `no ruleset requires this workflow, and ${guard.codeowners ? `no line of ${guard.codeowners.file} gives it an owner` : 'there is no CODEOWNERS file'}`;
  return [
    {
      ...at,
      problem: `Under pull_request the gate runs the pull request's own copy of this workflow: a pull request can edit it (take out the gate's step, set fail-job: false) and the required check still passes. Here ${has}.`,
      fix: 'Require the workflow through a ruleset (Require workflows to pass), or give .github/workflows/ an owner in CODEOWNERS and require code owner review on the default branch.',
    },
  ];
}

/** The events a workflow's `on:` names: a map's keys, a list, or one event. */
function eventsOf(on: unknown): string[] {
  if (isMap(on)) return on.items.map((p) => String(value(p.key)));
  if (isSeq(on)) return on.items.map((i) => String(value(i)));
  return [String(value(on) ?? '')];
}

/** The events a gate's workflow runs on, against what the gate needs. */
function triggerProblems(
  path: string,
  doc: Document,
  counter: LineCounter,
  config: ResolvedConfig | undefined,
  mergeQueue: boolean,
): Problem[] {
  const on = get(doc.contents, 'on');
  const events = eventsOf(on);
  const problems: Problem[] = [];
  const event = events.includes('pull_request')
    ? 'pull_request'
    : events.includes('pull_request_target')
      ? 'pull_request_target'
      : undefined;
  const line = lineOf(counter, on);
  if (!event) {
    problems.push({
      where: path,
      line,
      problem:
        'The gate does not run on pull requests: the workflow has no pull_request or pull_request_target trigger.',
      fix: 'Add `pull_request:` with types opened, edited, synchronize, reopened, ready_for_review, labeled, unlabeled.',
    });
    return problems;
  }
  const trigger = get(on, event);
  const typesNode = get(trigger, 'types');
  const types = isSeq(typesNode)
    ? typesNode.items.map((i) => String(value(i)))
    : isScalar(typesNode)
      ? [String(value(typesNode))]
      : DEFAULT_TYPES;
  const at = lineOf(counter, typesNode ?? trigger ?? on);
  if (!types.includes('edited')) {
    problems.push({
      where: path,
      line: at,
      problem: `The ${event} trigger does not fire on "edited": ticking a box in the description never re-runs the gate, and the check stays failed.`,
      fix: `Add edited to its types (${[...types, 'edited'].join(', ')}).`,
    });
  }
  const usesLabels = config && (config.skip.labels.length > 0 || config.when.some((w) => w.labels !== undefined));
  const missing = ['labeled', 'unlabeled'].filter((t) => !types.includes(t));
  if (usesLabels && missing.length > 0) {
    problems.push({
      where: path,
      line: at,
      problem: `The config skips or gates by label, but the ${event} trigger does not fire on ${missing.join(' or ')}: a label changes nothing until the next push.`,
      fix: `Add ${missing.join(' and ')} to its types.`,
    });
  }
  for (const filter of ['paths', 'paths-ignore', 'branches-ignore']) {
    const node = get(trigger, filter);
    if (node === undefined) continue;
    problems.push({
      where: path,
      line: lineOf(counter, node),
      problem: `The ${event} trigger has a \`${filter}:\` filter: on a pull request it filters out, a required gate never reports, and the merge is blocked.`,
      fix: `Remove \`${filter}:\`; to pass docs-only pull requests, use \`skip.only-changed-files\` in the config, which reports success with the reason.`,
    });
  }
  if (mergeQueue && !events.includes('merge_group')) {
    problems.push({
      where: path,
      line,
      problem:
        'The default branch has a merge queue, but the gate does not run on merge_group: the queue waits for a check that never comes.',
      fix: "Add `merge_group:` to the workflow's triggers.",
    });
  }
  return problems;
}

/** The job's token: what it may write, and whether it can read the teams sign-off names. */
function jobProblems(job: GateJob, config: ResolvedConfig | undefined): Problem[] {
  const problems: Problem[] = [];
  const permissions = job.permissions;
  if (permissions !== undefined && permissions !== 'write-all') {
    const granted =
      typeof permissions === 'object' && permissions !== null ? (permissions as Record<string, string>) : {};
    const lacking = ['checks', 'pull-requests'].filter((scope) => granted[scope] !== 'write');
    if (lacking.length > 0) {
      problems.push({
        where: job.workflow,
        line: job.line,
        problem: `Job "${job.id}" runs the gate without ${lacking.map((s) => `${s}: write`).join(' or ')}: the ${lacking.includes('checks') ? 'check run' : 'comment'} cannot be written.`,
        fix: `Give the job \`permissions: { contents: read, pull-requests: write, checks: write }\`.`,
      });
    }
  }
  const teams = config
    ? [...(config.signOff?.reviewers ?? []), ...config.when.flatMap((w) => w.require.reviewers)].filter((r) =>
        r.includes('/'),
      )
    : [];
  if (teams.length > 0 && job.inputs['github-token'] === undefined) {
    problems.push({
      where: job.workflow,
      line: job.line,
      problem: `The config names team${teams.length === 1 ? '' : 's'} (${[...new Set(teams)].join(', ')}), but job "${job.id}" gives the gate the workflow's GITHUB_TOKEN, which cannot read organisation teams: sign-off will fail.`,
      fix: 'Pass `github-token:` a token with read:org, or a GitHub App installation token with Members: read.',
    });
  }
  return problems;
}

/** Whether the default branch requires the gate's job, by the name its check reports under. */
function requiredProblems(gates: GateJob[], facts: DoctorFacts): Problem[] {
  const settings = `${facts.repository} settings (${facts.defaultBranch})`;
  if ('unknown' in facts.requiredChecks) {
    return [
      {
        where: settings,
        problem: `Could not read which checks ${facts.defaultBranch} requires: ${facts.requiredChecks.unknown}.`,
        fix: "Run doctor with a token that can read branch protection (Administration: read), or check by hand that the gate's job is required.",
      },
    ];
  }
  const required = facts.requiredChecks;
  const names = gates.map((g) => g.check);
  if (required.some((r) => names.includes(r.context))) return [];
  const checkNames = gates.map((g) => String(g.inputs['check-name'] ?? 'Production readiness'));
  const near = required.find((r) => checkNames.includes(r.context) || /readiness/i.test(r.context));
  if (near) {
    return [
      {
        where: settings,
        problem: `${near.from} requires "${near.context}", but the gate's job reports as ${names.map((n) => `"${n}"`).join(' or ')}: the required check never matches, so it waits forever (or, if it is the check run's name, lands in a suite GitHub picks).`,
        fix: `Require "${names[0]}" instead, typed exactly (a reusable workflow's check is "<caller job> / <job>").`,
      },
    ];
  }
  return [
    {
      where: settings,
      problem: `The gate runs, but ${facts.defaultBranch} does not require it: a failing gate does not block the merge.`,
      fix: `Require the status check "${names[0]}" in branch protection or a ruleset.`,
    },
  ];
}
