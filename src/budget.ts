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
import { check, type CheckInput, type KindedFile, type Report } from './engine.js';
import { KINDS } from './kinds/index.js';
import type { Unread } from './kinds/kind.js';
import { linkedRunbooks, PULL_REQUEST } from './kinds/pull-request.js';
import type { DocumentView } from './markdown/document.js';
import type { DocumentSettings } from './model/spec.js';

export const BUDGET = {
  /** The longest one document may take to parse and check, in ms. */
  perDocumentMs: 5_000,
  /** Checks with at most this much text (UTF-16 units) run on the main thread. */
  inProcessBytes: 8 * 1024,
};

let script: URL | undefined;

/** The bundle registers itself as the script its checking threads run. */
export function setCheckScript(url: URL): void {
  script = url;
}

type Task = Omit<CheckInput, 'onDocument'>;
/** What a thread does: check documents, or find the runbooks a description links. */
type Job = { check: Task } | { links: { text: string; settings: DocumentSettings } };
type Message = { doc: string } | { report: Report } | { links: string[] } | { error: string };

/** In a checking thread started from the bundle: serves its job and says so. */
export async function serveCheckThread(): Promise<boolean> {
  const job = (workerData as { readinessGateJob?: Job } | null)?.readinessGateJob;
  if (isMainThread || !job || !parentPort) return false;
  const port = parentPort;
  const send = (message: Message) => port.postMessage(message);
  try {
    if ('check' in job) {
      send({ report: check({ ...job.check, onDocument: (doc) => send({ doc }) }) });
    } else {
      send({ doc: PULL_REQUEST });
      send({ links: linkedRunbooks(KINDS['pull-request'].parse(job.links.text, PULL_REQUEST), job.links.settings) });
    }
  } catch (error) {
    send({ error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}

/**
 * The runbooks a description links, found within the budget, and the
 * description to check: parsed already, as text for a checking thread to
 * parse again, or too complex to parse at all.
 */
export async function readDescription(
  text: string,
  settings: DocumentSettings,
  budget = BUDGET,
): Promise<{ linked: string[]; description: string | DocumentView | Unread }> {
  if (!script || text.length <= budget.inProcessBytes) {
    try {
      const description = KINDS['pull-request'].parse(text, PULL_REQUEST);
      return { linked: linkedRunbooks(description, settings), description };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return {
        linked: [],
        description: { kind: 'too-complex', reason: 'it nests too deeply for the Markdown parser' },
      };
    }
  }
  const outcome = await runThread(script, { links: { text, settings } }, budget.perDocumentMs);
  if ('links' in outcome) return { linked: outcome.links, description: text };
  return { linked: [], description: { kind: 'too-complex', reason: slowReason(budget) } };
}

const slowReason = (budget: typeof BUDGET) => `it took more than ${budget.perDocumentMs / 1000} s to parse and check`;

function size(input: Task): number {
  const description = typeof input.description === 'string' ? input.description.length : 0;
  return input.files.reduce((n, f) => n + (f.text?.length ?? 0), description);
}

export async function checkWithinBudget(input: Task, budget = BUDGET): Promise<Report> {
  if (!script || size(input) <= budget.inProcessBytes) return check(input);
  let task = input;
  // Each round either finishes or takes one document out, so this ends.
  for (let round = 0; round <= input.files.length + 1; round++) {
    const outcome = await runThread(script, { check: task }, budget.perDocumentMs);
    if ('report' in outcome) return outcome.report;
    if ('links' in outcome) throw new Error('a checking thread answered the wrong job');
    task = without(task, outcome.slow, slowReason(budget));
  }
  throw new Error('a checking thread kept running out of time');
}

/** The task with one document marked too complex instead of parsed. */
function without(task: Task, source: string, reason: string): Task {
  if (source === PULL_REQUEST) return { ...task, description: { kind: 'too-complex', reason } };
  const files = task.files.map((f): KindedFile =>
    f.path === source ? { path: f.path, kind: f.kind, text: undefined, unread: { kind: 'too-complex', reason } } : f,
  );
  return { ...task, files };
}

function runThread(
  url: URL,
  job: Job,
  perDocumentMs: number,
): Promise<{ report: Report } | { links: string[] } | { slow: string }> {
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
        clearTimeout(timer);
        timer = setTimeout(() => {
          void worker.terminate();
          resolve({ slow: current });
        }, perDocumentMs);
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
