/**
 * The name in a document closest to one that is missing, for "did you mean"
 * hints: a heading or item that shares most of its words (Dice coefficient
 * of their keys' words at least 0.5), or contains them all.
 */
import { headingKey } from '../markdown/heading.js';

export function closest<T extends { line: number }>(
  wanted: string,
  candidates: readonly T[],
  name: (c: T) => string,
): T | undefined {
  const words = new Set(headingKey(wanted).split(' ').filter(Boolean));
  if (words.size === 0) return undefined;
  let best: { candidate: T; score: number } | undefined;
  for (const candidate of candidates) {
    const theirs = new Set(headingKey(name(candidate)).split(' ').filter(Boolean));
    if (theirs.size === 0) continue;
    const shared = [...words].filter((w) => theirs.has(w)).length;
    const containsAll = shared === words.size;
    const score = containsAll ? 1 : (2 * shared) / (words.size + theirs.size);
    if (score >= 0.5 && (!best || score > best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

/** The hint to append to a "missing" message, or nothing. */
export function didYouMean(found: { line: number } | undefined, title: string | undefined): string {
  if (!found || title === undefined) return '';
  return ` Did you mean "${title.replace(/\s+/g, ' ').trim()}" at line ${found.line}? If so, add it to the aliases.`;
}
