/**
 * The name in a document closest to one that is missing, for "did you mean"
 * hints: a heading or item whose key is a few edits away (`Reliabilty`,
 * `Mitigations`, `Diagnostics` for Reliability, Mitigation, Diagnosis: at
 * most a third of the longer key), or that shares most of its words (Dice
 * coefficient at least 0.5, a word a typo away counting as shared), or
 * contains them all.
 */
import { headingKey } from '../markdown/heading.js';

export function closest<T extends { line: number }>(
  wanted: string,
  candidates: readonly T[],
  name: (c: T) => string,
): T | undefined {
  const key = headingKey(wanted);
  const words = [...new Set(key.split(' ').filter(Boolean))];
  if (words.length === 0) return undefined;
  let best: { candidate: T; score: number } | undefined;
  for (const candidate of candidates) {
    const theirKey = headingKey(name(candidate));
    const theirs = [...new Set(theirKey.split(' ').filter(Boolean))];
    if (theirs.length === 0) continue;
    const shared = words.filter((w) => theirs.some((t) => nearWord(w, t))).length;
    const containsAll = shared === words.length;
    const longer = Math.max(key.length, theirKey.length);
    const edits = editDistance(key, theirKey, Math.floor(longer / 3));
    const score = Math.max(
      containsAll ? 1 : (2 * shared) / (words.length + theirs.length),
      edits <= longer / 3 ? 1 - edits / longer : 0,
    );
    if (score >= 0.5 && (!best || score > best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

/** The same word, or one a typo away: one edit in four letters or more, two in eight or more. */
function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
  return allowed > 0 && editDistance(a, b, allowed) <= allowed;
}

/**
 * Levenshtein distance, or `limit + 1` once it is known to exceed `limit`:
 * names are short, and the bound keeps a long heading from costing more.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The hint to append to a "missing" message, or nothing. */
export function didYouMean(found: { line: number } | undefined, title: string | undefined): string {
  if (!found || title === undefined) return '';
  return ` Did you mean "${title.replace(/\s+/g, ' ').trim()}" at line ${found.line}? If so, add it to the aliases.`;
}

/**
 * The known path a link most likely meant, for "did you mean" on a missing
 * file: one that ends with the link or that the link ends with (a link
 * relative to the wrong folder), else the nearest by a few edits (at most a
 * quarter of the link's length) with the same extension. Ties go to the
 * first in `paths`.
 */
export function closestPath(wanted: string, paths: Iterable<string>): string | undefined {
  const extension = (p: string) => /\.[^./]+$/.exec(p)?.[0] ?? '';
  const limit = Math.floor(wanted.length / 4);
  let best: { path: string; score: number } | undefined;
  for (const path of paths) {
    if (path === wanted || extension(path) !== extension(wanted)) continue;
    const suffix = path.endsWith(`/${wanted}`) || wanted.endsWith(`/${path}`);
    const score = suffix ? 0 : editDistance(wanted, path, limit);
    if (score <= limit && (!best || score < best.score)) best = { path, score };
  }
  return best?.path;
}
