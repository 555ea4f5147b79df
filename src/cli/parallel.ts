/**
 * Checks many runbooks on every core. Below a threshold, or where no worker
 * script is set (sources run under a test runner), everything runs on the
 * main thread; the result is the same report either way.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/types.js';
import { check, mergeReports, type KindedFile, type Report } from '../engine.js';
import type { DocumentView } from '../markdown/document.js';
import { mapLimit } from '../concurrency.js';
import { READ_CONCURRENCY, withText, type PlannedFile } from '../plan.js';
import { readDocument } from './files.js';

/** Files below which one thread is faster than starting workers. */
export const PARALLEL_THRESHOLD = 150;

let workerScript: URL | undefined;

/** The bundle registers itself; a worker started from it calls `runWorker`. */
export function setWorkerScript(url: URL): void {
  workerScript = url;
}

export interface WorkerTask {
  root: string;
  files: PlannedFile[];
  config: ResolvedConfig;
}

export async function checkChunk({ root, files, config }: WorkerTask): Promise<Report> {
  return check({ files: await readAll(root, files), config });
}

export async function readAll(root: string, files: readonly PlannedFile[]): Promise<KindedFile[]> {
  // A bounded pool: thousands of files at once run out of file descriptors (macOS allows 256).
  return mapLimit(files, READ_CONCURRENCY * 4, async (file) =>
    withText(file, file.unread ? undefined : await readDocument(root, file.path)),
  );
}

export interface ParallelInput {
  description: DocumentView | undefined;
  /** Files the description links, already read. */
  linkedFiles: KindedFile[];
  /** The other planned files, not yet read. */
  named: PlannedFile[];
  root: string;
  config: ResolvedConfig;
}

export async function checkInParallel(input: ParallelInput): Promise<Report> {
  const { description, linkedFiles, named, root, config } = input;
  const threads = Math.min(availableParallelism(), 4);
  if (!workerScript || threads < 2 || named.length < PARALLEL_THRESHOLD) {
    const head = check({ description, files: linkedFiles, config });
    const rest = await checkChunk({ root, files: named, config });
    return mergeReports([head, rest], config.strict);
  }
  const size = Math.ceil(named.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => named.slice(i * size, (i + 1) * size)).filter(
    (c) => c.length,
  );
  const script = workerScript;
  // The threads start first, so the description is checked while they work.
  const running = Promise.all(chunks.map((files) => runInWorker(script, { root, files, config })));
  const head = check({ description, files: linkedFiles, config });
  return mergeReports([head, ...(await running)], config.strict);
}

function runInWorker(script: URL, task: WorkerTask): Promise<Report> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { readinessGateTask: task } });
    worker.once('message', (report: Report) => resolve(report));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a checking thread stopped with code ${code}`));
    });
  });
}
