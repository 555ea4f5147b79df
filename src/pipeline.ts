/**
 * One run of the gate, written once for the action and the CLI, as a short
 * sequence of phases:
 *
 * 1. the config, the pull request and its changed files, asked for at once;
 * 2. the skip decision;
 * 3. the runbooks the description links, and the files named instead of
 *    the changed ones (the CLI);
 * 4. what the kinds bring besides the changed files (`RunExtension`):
 *    files that depend on them, and checks of files the run makes;
 * 5. the plan: which documents, as which kinds;
 * 6. the documents read with the files they go with and the files they
 *    link, and checked within the time budget;
 * 7. the description, last, with what the files showed; one report.
 *
 * Where the documents come from is a `DocumentSource` (`source.ts`): GitHub
 * or a checkout on disk. The adapters build a source, call `runPipeline`
 * and publish what it returns; they decide nothing about what is checked,
 * and nothing here names a kind.
 *
 * The loaded config is never changed: what a run adds (the repository,
 * changed files, labels, reviews) travels beside it.
 */
import {
  checkWithinBudget,
  parseEarly,
  readDescription,
  BUDGET,
  type BudgetOptions,
  type ParsedEarly,
} from './budget.js';
import { ConfigError, loadConfig, withRepository } from './config/load.js';
import { deepFreeze } from './model/freeze.js';
import type { ResolvedConfig } from './config/types.js';
import { evidenceSourcesOf, mergeReports, PULL_REQUEST, summarise, type CheckInput } from './engine.js';
import { RUN_EXTENSIONS } from './kinds/index.js';
import type { OwedApproval, PullRequestFacts } from './model/conditions.js';
import { fileKey, type RenderedFile } from './model/files.js';
import { GATE_FINDINGS, type Report } from './model/report.js';
import { chunks } from './concurrency.js';
import { redactReport } from './report/redact.js';
import {
  changedFacts,
  companionBudget,
  planCompanions,
  planFiles,
  selectByText,
  skipReason,
  type PlannedFile,
} from './plan.js';
import { changedIn, chosenTemplate, kinded, Reads, runAccess } from './reads.js';
import {
  configFailure,
  readFailures,
  ReadFailed,
  type ChangedFiles,
  type DocumentSource,
  type PullRequestInfo,
  type ReviewData,
  unlistedFiles,
} from './source.js';

export interface RunOutcome {
  report: Report;
  /** Trusted lines for the report. */
  notes: string[];
  /** The config the run used; undefined when it could not be read. */
  config?: ResolvedConfig;
}

export interface PipelineOptions extends BudgetOptions {
  /**
   * Rendered manifests: checked as plain manifests (no Helm directive to
   * approximate, no overlay to cap them), each object named with the
   * template Helm's `# Source:` comment gives, beside the changed files.
   */
  rendered?: readonly RenderedFile[];
  /** The kubectl that builds Kustomize overlays: `kubectl` on the PATH unless named. */
  kubectl?: string;
  /** The day dates are judged by (`runbook-review-due`), YYYY-MM-DD; the clock's, in UTC, unless given. */
  today?: string;
  /** Fixes will be applied or suggested: each is tried on its file first, and kept only when it fixes (`engine.ts`). */
  verifyFixes?: boolean;
}

/** What the first round gave: the frozen config, the pull request, its changed files, and reads that failed. */
interface Started {
  config: ResolvedConfig;
  pr: PullRequestInfo;
  changed: ChangedFiles | undefined;
  facts: PullRequestFacts;
  failures: ReadFailed[];
  /** The event's description, parsed while the first round was out. */
  early: ParsedEarly | undefined;
}

/** One run; what it would echo of a credential (a token in a URL a finding quotes) replaced before anyone prints it. */
export async function runPipeline(source: DocumentSource, options: PipelineOptions = {}): Promise<RunOutcome> {
  const outcome = await run(source, options);
  return { ...outcome, ...(await redactReport(outcome.report, outcome.notes)) };
}

async function run(source: DocumentSource, options: PipelineOptions): Promise<RunOutcome> {
  const {
    rendered = [],
    kubectl,
    today = new Date().toISOString().slice(0, 10),
    verifyFixes = false,
    ...budgetOptions
  } = options;
  const budget = { ...budgetOptions, deadline: options.deadline ?? Date.now() + (options.budget ?? BUDGET).runMs };

  // 1. Everything that depends on nothing else, at once.
  const started = await start(source, today, budget.budget);
  if ('report' in started) return started;
  const { config, pr, changed, facts, failures, early } = started;

  // 2. A skip passes the pull request unchecked.
  const skipped = skipReason(config, {
    labels: facts.labels ?? [],
    author: facts.author ?? '',
    draft: pr.draft,
    ...(facts.changedFiles ? { changedFiles: facts.changedFiles } : {}),
  });
  if (skipped) {
    return {
      report: { ...summarise([], [], [], [], config.strict), config: config.source, skipped },
      notes: [],
      config,
    };
  }

  // 3. The description's links and the named files; reviews are read while the documents are.
  const reviewsRead = source.reviews?.(config);
  reviewsRead?.catch(() => {});
  const { linked, description } =
    pr.body === undefined
      ? { linked: [], description: undefined }
      : await readDescription(pr.body, config, budget.budget, early);
  // The repository's own template, the baseline of what the author wrote: read while the description's links are.
  const templatesRead = source.templates?.(config.pullRequest.template) ?? Promise.resolve([]);
  templatesRead.catch(() => {});
  const named = await source.named?.(config);
  const reads = new Reads(source);
  const access = runAccess(source, reads, failures, {
    settings: config,
    changed: (changed?.files ?? []).filter((f) => !f.removed).map((f) => f.path),
    removed: (changed?.files ?? []).flatMap((f) =>
      f.removed ? [f.path] : f.previous !== undefined ? [f.previous] : [],
    ),
    named: named !== undefined,
    audit: named?.audit === true,
    deadline: budget.deadline,
    rendered,
    ...(kubectl ? { kubectl } : {}),
  });

  // 4. What the kinds bring: files that depend on the changed ones (looked for together), and checks of files the
  // run makes (overlays built), started now and awaited with the documents' checks.
  const dependents = await Promise.all(RUN_EXTENSIONS.map((e) => e.dependents?.(access)));
  const notes = dependents.flatMap((d) => d?.notes ?? []);
  let plannedNow: (planned: PlannedFile[]) => void = () => {};
  const plannedSoon = new Promise<PlannedFile[]>((resolve) => (plannedNow = resolve));
  const extras = Promise.all(RUN_EXTENSIONS.map((e) => e.extraChecks?.(plannedSoon, access)));
  extras.catch(() => {});

  // 5. The plan: the named files, or the changed ones and their dependents; a file no kind selects by its path may
  // be one by its text.
  const candidates = named ? named.files : [...access.changed, ...dependents.flatMap((d) => d?.paths ?? [])];
  const byText = await selectByText(candidates, config, reads.head, source.concurrency);
  const planned = planFiles(
    named
      ? { linked, named: named.files.filter((p) => !byText.left.has(p)), byText: byText.kinds }
      : { linked, changed: candidates, byText: byText.kinds },
    config,
  );
  plannedNow(planned);

  // 6. The documents, with the files they go with and the files they link; the description's runbooks are read
  // beside them and checked with it.
  const isLinked = new Set(linked);
  const linkedFiles = reads.documents(planned.filter((f) => isLinked.has(f.path)));
  reads.linkedBy(linkedFiles);
  const linkedRead = Promise.all(RUN_EXTENSIONS.map((e) => e.linked?.(planned, access)));
  linkedRead.catch(() => {});
  // What the extensions' linked files tell the rules: the overlays of the bases checked, and in an audit every runbook
  // the repository's alerts link.
  const linkedFacts = async (): Promise<Pick<CheckInput, 'alertRunbooks' | 'overlays'>> => {
    const links = await linkedRead;
    const overlays = Object.assign({}, ...links.map((l) => l?.overlays ?? {})) as NonNullable<CheckInput['overlays']>;
    return {
      ...(named?.audit ? { alertRunbooks: links.flatMap((l) => l?.alertRunbooks ?? []) } : {}),
      ...(Object.keys(overlays).length > 0 ? { overlays } : {}),
    };
  };
  // One bound on companions for the whole run, however many parts its documents are checked in.
  const companions = companionBudget();
  // The documents are read before they are split, so that each checking thread gets about as much text.
  const documents = await reads.documents(planned.filter((f) => !isLinked.has(f.path)));
  const checked = await Promise.all([
    ...chunks(documents).map(async (files) => {
      // The files these documents go with (a chart's values.yaml), read once the documents say which.
      const companionFiles = await reads.companions(planCompanions(files, companions));
      const here = new Set(files.map(fileKey));
      const linkedHere = (await linkedRead)
        .flatMap((l) => (l?.wanted(files) ? [...l.files, ...(l.companions ?? [])] : []))
        .filter((f) => !here.has(fileKey(f)))
        .map((f) => ({ ...kinded(f), companion: true as const }));
      const touched = changedIn(files, changed?.lines);
      const report = await checkWithinBudget(
        {
          files: [...files, ...companionFiles, ...linkedHere],
          config,
          ...(verifyFixes ? { verifyFixes } : {}),
          ...(touched ? { changedLines: touched } : {}),
          ...(await linkedFacts()),
          // An alert's rules ask whether its runbook changed with it.
          ...(facts.changedFiles
            ? {
                pullRequest: {
                  changedFiles: facts.changedFiles,
                  ...(facts.baseBranch !== undefined ? { baseBranch: facts.baseBranch } : {}),
                },
              }
            : {}),
        },
        budget,
      );
      return { report, evidenceSources: evidenceSourcesOf(files) };
    }),
    ...(await extras)
      .flatMap((e) => e?.checks ?? [])
      .map(async ({ files: made, relabel, keep }) => {
        const files = made.map(kinded);
        const report = await checkWithinBudget(
          { files, config, ...(facts.changedFiles ? { pullRequest: { changedFiles: facts.changedFiles } } : {}) },
          budget,
        );
        // Read for some rules alone: the others' findings on those files are not this pull request's.
        const kept = (id: string) => !keep || keep.includes(id) || (GATE_FINDINGS as readonly string[]).includes(id);
        const findings = report.findings.filter((f) => kept(f.ruleId)).map((f) => (relabel ? relabel(f) : f));
        const passed = report.passed.filter((p) => kept(p.ruleId));
        return { report: { ...report, findings, passed }, evidenceSources: evidenceSourcesOf(files) };
      }),
  ]);
  notes.push(...(await extras).flatMap((e) => e?.notes ?? []));
  let reviewData: ReviewData | undefined;
  try {
    reviewData = await reviewsRead;
    notes.push(...(reviewData?.notes ?? []));
  } catch (error) {
    if (!(error instanceof ReadFailed)) throw error;
    failures.push(error);
  }

  const template = await chosenTemplate(templatesRead, pr.body, failures, notes);
  const owners = await ownersOwed(
    source,
    config,
    (await extras).flatMap((e) => e?.owed ?? []),
    failures,
  );

  // 7. The description, last, with what the files showed (a ticked claim they contradict fails), and the linked
  // documents not checked already.
  const evidence = checked.flatMap((c) => c.report.findings);
  const checkedAlready = new Set(planned.filter((f) => !f.companion).map(fileKey));
  const linkedDocuments = (await linkedRead)
    .flatMap((l) => l?.files ?? [])
    .filter((f) => f.text !== undefined && !checkedAlready.has(fileKey(f)))
    .map(kinded);
  const first = await checkWithinBudget(
    {
      ...(description !== undefined ? { description } : {}),
      files: [...(await linkedFiles), ...linkedDocuments],
      config,
      ...(verifyFixes ? { verifyFixes } : {}),
      ...(await linkedFacts()),
      ...(template ? { template } : {}),
      ...(evidence.length > 0 ? { evidence } : {}),
      evidenceSources: checked.flatMap((c) => c.evidenceSources),
      pullRequest: {
        ...facts,
        ...(reviewData?.approvals ? { approvals: reviewData.approvals } : {}),
        ...(owners ? { owners } : {}),
      },
      ...(reviewData?.reviews ? { reviews: reviewData.reviews } : {}),
    },
    budget,
  );
  const reports = [first, ...(failures.length > 0 ? [readFailures(failures, PULL_REQUEST, config.strict)] : [])];
  const report = mergeReports([...reports, ...checked.map((c) => c.report)], config.strict);
  const notChecked = [...(named?.notChecked ?? []), ...(named ? byText.notChecked : [])];
  if (notChecked.length > 0) report.notChecked = notChecked;
  const services = (await extras).flatMap((e) => e?.services ?? []);
  if (services.length > 0) report.services = services;
  return { report, notes, config };
}

/**
 * The approvals the touched services owe their owning teams, with the
 * reviews read for them where the source reads reviews (the action); a read
 * that fails fails the run, as other reads do.
 */
async function ownersOwed(
  source: DocumentSource,
  config: ResolvedConfig,
  owed: readonly OwedApproval[],
  failures: ReadFailed[],
): Promise<PullRequestFacts['owners']> {
  if (owed.length === 0) return undefined;
  if (!source.teamApprovals) return { owed };
  try {
    const facts = await source.teamApprovals(
      owed.map((o) => o.teams),
      config.signOff?.allowStaleApproval ?? false,
    );
    return { owed, facts };
  } catch (error) {
    if (!(error instanceof ReadFailed)) throw error;
    failures.push(error);
    return { owed };
  }
}

/** The first round: the config, the pull request and its changed files; or the report of why the run stops there. */
async function start(source: DocumentSource, today: string, budget = BUDGET): Promise<Started | RunOutcome> {
  const configRead = source.config();
  const prRead = source.pullRequest();
  const changedRead = source.changedFiles();
  prRead.catch(() => {}); // awaited below, or not needed when the config fails
  changedRead.catch(() => {});
  // The time the answers take is spent parsing the description the event carries: the pull request's, usually.
  const { eventDescription } = source;
  const early =
    eventDescription !== undefined && source.sent
      ? source.sent().then(() => parseEarly(eventDescription, budget))
      : undefined;
  early?.catch(() => {});
  let loaded: ResolvedConfig;
  try {
    const { text, path } = await configRead;
    // Frozen: nothing downstream, the adapters included, can change the team's rules for this run.
    loaded = deepFreeze(loadConfig(text, path));
  } catch (error) {
    if (error instanceof ConfigError) return { report: configFailure(error, source.configFrom), notes: [] };
    if (error instanceof ReadFailed) return { report: readFailures([error], error.source, false), notes: [] };
    throw error;
  }
  const config = deepFreeze({ ...withRepository(loaded, source.repository), today });
  let pr: PullRequestInfo;
  try {
    pr = await prRead;
  } catch (error) {
    if (error instanceof ReadFailed)
      return { report: readFailures([error], PULL_REQUEST, config.strict, config), notes: [], config };
    throw error;
  }
  const failures: ReadFailed[] = [];
  const changed = await changedRead.catch((error: unknown) => {
    if (!(error instanceof ReadFailed)) throw error;
    failures.push(error);
    return undefined;
  });
  const facts: PullRequestFacts = { ...pr.facts, ...(changed ? { changedFiles: changedFacts(changed) } : {}) };
  const unlisted = unlistedFiles(facts);
  if (unlisted) failures.push(unlisted);
  return { config, pr, changed, facts, failures, early: await early?.catch(() => undefined) };
}
