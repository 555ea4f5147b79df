/**
 * A parse kept by the text it was made from: a run reads the same file's
 * contents in several places (a chart's values.yaml for each of its
 * templates, a kustomization for the overlay lookup, its base's overlays
 * and the build), and parses it once. The last `max` texts are kept, and
 * what they give is frozen: whoever asks only reads it.
 */
import { deepFreeze } from './freeze.js';

export function keptByText<T>(max: number, parse: (text: string) => T): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    if (kept.has(text)) return kept.get(text)!;
    const parsed = deepFreeze(parse(text));
    if (kept.size >= max) kept.delete(kept.keys().next().value!);
    kept.set(text, parsed);
    return parsed;
  };
}
