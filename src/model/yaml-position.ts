/**
 * Where a YAML node starts, 1-based, as findings report it: the one reading
 * of a node's position every YAML reader shares (manifests, workflows, the
 * config, `doctor`). A node without a range (one the parser made up) is at
 * the start of the file.
 */
import type { LineCounter } from 'yaml';

type Ranged = { range?: readonly number[] | null } | null | undefined;

export function positionOf(counter: LineCounter, node: unknown): { line: number; column: number } {
  const { line, col } = counter.linePos((node as Ranged)?.range?.[0] ?? 0);
  return { line, column: col };
}

/** The line a YAML node starts on, 1-based. */
export const lineOf = (counter: LineCounter, node: unknown): number => positionOf(counter, node).line;
