/**
 * Checking with a time budget per document. The Markdown parser is
 * super-linear on some inputs (64 KB of nested `1. ` or `> - ` took minutes),
 * and a pull request's text is anyone's, so a large check runs in a worker
 * thread that is stopped when one document takes longer than its budget.
 * That document becomes a `document-too-complex` finding and the check runs
 * again without it: the verdict is still published, and it is a failure.
 *
 * Small checks stay on the main thread, where starting a worker would cost
 * more than the check: up to IN_PROCESS_BYTES of text, the slowest shape
 * measured took about 2 s (`npm run bench` has the figures). Under a test
 * runner there is no bundle to start a worker from, and every check runs
 * in-process.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { check, gateFinding, mergeReports, summarise, type CheckInput, type KindedFile } from './engine.js';
import { DESCRIPTION, descriptionLinks, kindById, prepareKinds } from './kinds/index.js';
import { PULL_REQUEST } from './kinds/pull-request.js';
import type { DocumentView } from './markdown/document.js';
import type { DocumentSettings } from './model/spec.js';
import type { Report } from './model/report.js';
import type { Unread } from './model/files.js';

export const BUDGET = {
  /** The longest one document may take to parse and check, in ms. */
  perDocumentMs: 5_000,
  /** Checks with at most this much text (UTF-16 units) run on the main thread. */
  inProcessBytes: 8 * 1024,
  /** The longest the checking of one run may take, in ms: past it, what is left is named, not checked. */
  runMs: 240_000,
};

export type Budget = typeof BUDGET;

let script: URL | undefined;

/** The bundle registers itself as the script its checking threads run. */
export function setCheckScript(url: URL): void {
  script = url;
}

type Task = Omit<CheckInput, 'onDocument'>;
/**
 * What a thread does: check a description with its files in one go; check
 * files one document at a time, reporting each as it is done, so a restart
 * keeps them; or find the runbooks a description links.
 */
type Job = { check: Task } | { each: Task } | { links: { text: string; settings: DocumentSettings } };
type Message = { doc: string } | { report: Report } | { done: Report } | { links: string[] } | { error: string };

/** In a checking thread started from the bundle: serves its job and says so. */
export async function serveCheckThread(): Promise<boolean> {
  const job = (workerData as { readinessGateJob?: Job } | null)?.readinessGateJob;
  if (isMainThread || !job || !parentPort) return false;
  const port = parentPort;
  const send = (message: Message) => port.postMessage(message);
  const onDocument = (doc: string) => send({ doc });
  try {
    if ('check' in job) await prepareKinds(job.check.files);
    if ('each' in job) await prepareKinds(job.each.files);
    if ('check' in job) {
      send({ report: check({ ...job.check, onDocument }) });
    } else if ('each' in job) {
      for (const task of oneByOne(job.each)) send({ done: check({ ...task, onDocument }) });
      send({ report: mergeReports([], job.each.config.strict) });
    } else {
      send({ doc: PULL_REQUEST });
      send({
        links: descriptionLinks().paths(kindById(DESCRIPTION).parse(job.links.text, PULL_REQUEST), job.links.settings),
      });
    }
  } catch (error) {
    send({ error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}

/**
 * A task of files only, as one task per document, each with every companion
 * file beside it and the run's other documents as companions: a document
 * checked alone sees the files it would see checked with the others (a
 * changed values.yaml its chart's templates read, the runbook an alert
 * links that changed with it).
 */
function oneByOne(task: Task): Task[] {
  const companions = task.files.filter((f) => f.companion);
  const documents = task.files.filter((f) => !f.companion);
  const beside = documents.map((f) => ({ ...f, companion: true as const }));
  return documents.map((file, i) => ({
    ...task,
    files: [file, ...companions, ...beside.filter((_, j) => j !== i)],
  }));
}

/**
 * The runbooks a description links, found within the budget, and the
 * description to check: parsed already, as text for a checking thread to
 * parse again, or too complex to parse at all. `early` is the same text
 * parsed before (while the run waited on GitHub), used when it is the same.
 */
export async function readDescription(
  text: string,
  settings: DocumentSettings,
  budget: Budget = BUDGET,
  early?: ParsedEarly,
): Promise<{ linked: string[]; description: string | DocumentView | Unread }> {
  const described = (view: DocumentView) => ({ linked: descriptionLinks().paths(view, settings), description: view });
  if (early?.text === text) return described(early.view);
  if (!script || text.length <= budget.inProcessBytes) {
    const view = parseHere(text);
    if (view) return described(view);
    return { linked: [], description: { kind: 'too-complex', reason: 'it nests too deeply for the Markdown parser' } };
  }
  const outcome = await runThread(script, { links: { text, settings } }, budget.perDocumentMs, Infinity);
  if ('links' in outcome) return { linked: outcome.links, description: text };
  return { linked: [], description: { kind: 'too-complex', reason: slowReason(budget) } };
}

/** A description parsed ahead of its turn, with the text it was parsed from. */
export interface ParsedEarly {
  text: string;
  view: DocumentView;
}

/**
 * A description parsed ahead of its turn, when it is small enough to parse
 * in this thread (the budget's bound): one that nests too deeply is left to
 * `readDescription`, which says so.
 */
export function parseEarly(text: string, budget: Budget = BUDGET): ParsedEarly | undefined {
  const view = text.length > budget.inProcessBytes ? undefined : parseHere(text);
  return view && { text, view };
}

/** A description parsed in this thread; undefined when it nests too deeply for the parser's stack. */
function parseHere(text: string): DocumentView | undefined {
  try {
    return kindById(DESCRIPTION).parse(text, PULL_REQUEST) as DocumentView;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

const slowReason = (budget: Budget) => `it took more than ${budget.perDocumentMs / 1000} s to parse and check`;

/** The text a check parses: the documents, and for sign-off the reviews, comments and the description's versions. */
function size(input: Task): number {
  const description = typeof input.description === 'string' ? input.description.length : 0;
  const { reviews } = input;
  const signOff = reviews
    ? [...reviews.reviews, ...reviews.comments, ...reviews.revisions].reduce((n, r) => n + r.body.length, 0)
    : 0;
  return input.files.reduce((n, f) => n + (f.text?.length ?? 0), description + signOff);
}

export interface BudgetOptions {
  budget?: Budget;
  /** When the run's checking must end (ms since the epoch): what is left then is named, not checked. */
  deadline?: number;
  /** Called as each checking thread starts. */
  onThread?: () => void;
  /** Called as a checking thread starts on each document. */
  onDocument?: (source: string) => void;
}

/**
 * Checks within the budget: in this thread when small, else in a thread
 * stopped when one document takes longer than its budget. That document is
 * reported too complex, and the thread starts again with the documents not
 * yet checked: files are checked one by one, so those already checked keep
 * their verdicts. A description is checked with its linked runbooks in one
 * go (a few documents, bounded by `pull-request.runbook.max-links`).
 */
export async function checkWithinBudget(input: Task, options: BudgetOptions = {}): Promise<Report> {
  const budget = options.budget ?? BUDGET;
  const deadline = options.deadline ?? Date.now() + budget.runMs;
  if (!script || size(input) <= budget.inProcessBytes) {
    await prepareKinds(input.files);
    return check(input);
  }
  const done: Report[] = [];
  let task = input;
  // Each round either finishes or takes one document out, so this ends.
  for (let round = 0; round <= input.files.length + 1; round++) {
    if (Date.now() >= deadline) return overBudget(task, done, budget);
    options.onThread?.();
    const job: Job = task.description === undefined ? { each: task } : { check: task };
    const outcome = await runThread(script, job, budget.perDocumentMs, deadline, {
      onDone: (report) => done.push(report),
      ...(options.onDocument ? { onDocument: options.onDocument } : {}),
    });
    if ('report' in outcome) return mergeReports([...done, outcome.report], input.config.strict);
    if ('links' in outcome) throw new Error('a checking thread answered the wrong job');
    if (outcome.late) return overBudget(remaining(task, done), done, budget);
    task = without(remaining(task, done), outcome.slow, slowReason(budget));
  }
  throw new Error('a checking thread kept running out of time');
}

/** The task less the documents already checked. */
function remaining(task: Task, done: readonly Report[]): Task {
  if (task.description !== undefined || done.length === 0) return task;
  const checked = new Set(done.flatMap((r) => r.sources));
  return { ...task, files: task.files.filter((f) => f.companion || !checked.has(f.path)) };
}

/** The documents checked before the run's budget ran out, and one finding naming the rest. */
function overBudget(task: Task, done: readonly Report[], budget: Budget): Report {
  const left = [
    ...(task.description !== undefined ? [PULL_REQUEST] : []),
    ...task.files.filter((f) => !f.companion && !f.unread && f.text !== undefined).map((f) => f.path),
  ];
  if (left.length === 0) return mergeReports([...done], task.config.strict);
  const shown = `${left.slice(0, 5).join(', ')}${left.length > 5 ? ` and ${left.length - 5} more` : ''}`;
  const finding = gateFinding(
    'run-over-budget',
    left[0]!,
    `${left.length} document${left.length === 1 ? ' was' : 's were'} not checked: the run's checking took longer than its ${budget.runMs / 1000} s budget. Not checked: ${shown}. Split the pull request, or simplify the slow documents; the gate fails until it can check them.`,
  );
  const unchecked = summarise([finding], [], [], [left[0]!], task.config.strict);
  return mergeReports([...done, unchecked], task.config.strict);
}

/** The task with one document marked too complex instead of parsed. */
function without(task: Task, source: string, reason: string): Task {
  if (source === PULL_REQUEST) return { ...task, description: { kind: 'too-complex', reason } };
  const files = task.files.map((f): KindedFile =>
    f.path === source && !f.companion
      ? { path: f.path, kind: f.kind, text: undefined, unread: { kind: 'too-complex', reason } }
      : f,
  );
  return { ...task, files };
}

type ThreadOutcome = { report: Report } | { links: string[] } | { slow: string; late?: true };

function runThread(
  url: URL,
  job: Job,
  perDocumentMs: number,
  deadline: number,
  on: { onDone?: (report: Report) => void; onDocument?: (source: string) => void } = {},
): Promise<ThreadOutcome> {
  return new Promise((resolve, reject) => {
    // No resourceLimits: setting them slowed the corpus check by about 5% (npm run bench), and the
    // inputs are bounded in size (1 MB a file) and in time (the budget) already.
    const worker = new Worker(url, { workerData: { readinessGateJob: job } });
    let current = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => clearTimeout(timer);
    worker.on('message', (message: Message) => {
      if ('doc' in message) {
        current = message.doc;
        on.onDocument?.(current);
        clearTimeout(timer);
        // A document's own budget, or what is left of the run's, whichever ends first.
        const late = deadline - Date.now() < perDocumentMs;
        timer = setTimeout(
          () => {
            void worker.terminate();
            resolve(late ? { slow: current, late: true } : { slow: current });
          },
          Math.max(0, Math.min(perDocumentMs, deadline - Date.now())),
        );
      } else if ('done' in message) {
        on.onDone?.(message.done);
      } else if ('report' in message) {
        settle();
        resolve({ report: message.report });
      } else if ('links' in message) {
        settle();
        resolve({ links: message.links });
      } else {
        settle();
        reject(new Error(message.error));
      }
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      if (code !== 0) reject(new Error(`a checking thread stopped with code ${code}`));
    });
  });
}
