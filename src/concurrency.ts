import { availableParallelism } from 'node:os';

/** `items.map(fn)` with at most `limit` calls under way at once, results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Files below which one checking thread is faster than several. */
export const PARALLEL_THRESHOLD = 150;

/**
 * The documents to check split for the checking threads: one part, unless
 * there are many; then as many parts as threads, each a run of consecutive
 * documents (the report keeps their order) with about the same amount of
 * text, which is what the checking time follows.
 */
export function chunks<F extends { text?: string | undefined }>(files: F[]): F[][] {
  const count = files.length < PARALLEL_THRESHOLD ? 1 : Math.min(availableParallelism(), 4);
  if (count === 1) return files.length > 0 ? [files] : [];
  // A file counts at least a little: one not read, or empty, is still a document to report on.
  const weight = (f: F) => (f.text?.length ?? 0) + 256;
  const total = files.reduce((n, f) => n + weight(f), 0);
  const parts: F[][] = [];
  let part: F[] = [];
  let done = 0;
  for (const file of files) {
    part.push(file);
    done += weight(file);
    if (done >= (total * (parts.length + 1)) / count && parts.length < count - 1) {
      parts.push(part);
      part = [];
    }
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
