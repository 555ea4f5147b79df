/**
 * The CLI's checking: files read through a bounded pool, then checked within
 * the per-document budget (`budget.ts`). Many files are split over up to four
 * threads; the result is the same report as one thread gives.
 */
import { availableParallelism } from 'node:os';
import { checkWithinBudget } from '../budget.js';
import { mapLimit } from '../concurrency.js';
import type { ResolvedConfig } from '../config/types.js';
import { mergeReports, type CheckInput, type KindedFile, type Report } from '../engine.js';
import type { PullRequestFacts } from '../model/conditions.js';
import { isEvidence } from '../kinds/index.js';
import { planCompanions, READ_CONCURRENCY, withText, type PlannedFile } from '../plan.js';
import { readDocument } from './files.js';

/** Files below which one thread is faster than several. */
export const PARALLEL_THRESHOLD = 150;

export async function readAll(root: string, files: readonly PlannedFile[]): Promise<KindedFile[]> {
  // A bounded pool: thousands of files at once run out of file descriptors (macOS allows 256).
  return mapLimit(files, READ_CONCURRENCY * 4, async (file) =>
    withText(file, file.unread ? undefined : await readDocument(root, file.path)),
  );
}

export interface ParallelInput {
  description: CheckInput['description'];
  /** Files the description links, already read. */
  linkedFiles: KindedFile[];
  /** The other planned files, not yet read. */
  named: PlannedFile[];
  root: string;
  config: ResolvedConfig;
  /** What the command line says of the pull request, for `when` entries. */
  pullRequest?: PullRequestFacts;
}

export async function checkInParallel(input: ParallelInput): Promise<Report> {
  const { description, linkedFiles, named, root, config, pullRequest } = input;
  const threads = Math.min(availableParallelism(), 4);
  const count = named.length < PARALLEL_THRESHOLD ? 1 : threads;
  const size = Math.ceil(named.length / count);
  const chunks = Array.from({ length: count }, (_, i) => named.slice(i * size, (i + 1) * size)).filter((c) => c.length);
  // Each chunk is read, then checked: one thread checks while the next chunk is still being read.
  const fileReports = await Promise.all(
    chunks.map(async (chunk) => {
      const files = await readAll(root, chunk);
      // The companion files these documents go with (a chart's values.yaml), read beside them.
      return checkWithinBudget({ files: [...files, ...(await readAll(root, planCompanions(files)))], config });
    }),
  );
  // The description is checked last, with what the files showed: a ticked claim they contradict fails.
  const evidence = fileReports.flatMap((r) => r.findings);
  const first = await checkWithinBudget({
    description,
    files: linkedFiles,
    config,
    ...(evidence.length > 0 ? { evidence } : {}),
    evidenceSources: named.filter((f) => isEvidence(f.kind)).map((f) => f.path),
    ...(pullRequest ? { pullRequest } : {}),
  });
  return mergeReports([first, ...fileReports], config.strict);
}
