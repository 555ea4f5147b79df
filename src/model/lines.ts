/**
 * One line model for what the gate reports and what it changes: Git's and
 * GitHub's, where a line ends at `\n` (a `\r` before it is part of the
 * line's end). Findings, fixes and review suggestions are numbered in it.
 *
 * The tools that read a file do not all agree with it, nor with the
 * parsers the gate reads them with:
 * - Docker reads a Dockerfile's lines at `\n` only: `# note\rCMD …` is one
 *   comment. dockerfile-ast breaks at a lone `\r` too, so it is shown a
 *   character that breaks nothing instead (`lf`).
 * - go-yaml (kubectl, and so what a manifest deploys) breaks lines at a lone
 *   `\r`, NEL, U+2028 and U+2029: `# rotated\r  password: x` sets a
 *   password. The `yaml` package does not, so it is shown `\n` there
 *   (`yaml`).
 * - CommonMark (GitHub's renderer, remark) breaks at a lone `\r`
 *   (`commonmark`); shown `\n` too, so every parser line ends at `\n`.
 *
 * Each substitution is one UTF-16 unit for one, so offsets agree between
 * the text read and the file; a `LineMap` takes a parser's positions back to
 * Git's lines, and drops a fix that would change a line the parser read as
 * several, or a line holding a character it was shown in place of another.
 */
import type { Fix } from './finding.js';

/** How the tool that consumes a kind of file breaks its lines. */
export type LineBreaks = 'lf' | 'yaml' | 'commonmark';

/** What stands in for a lone `\r` where it breaks no line: a character no parser reads as space or a line end. */
const NO_BREAK = '\uFFFD';

const BREAKS: Record<LineBreaks, RegExp> = {
  lf: /\r(?!\n)/g,
  yaml: /\r(?!\n)|[\u0085\u2028\u2029]/g,
  commonmark: /\r(?!\n)/g,
};

/** The text as a parser must read it to see the lines the kind's tool sees, and the way back to Git's lines. */
export function asRead(text: string, breaks: LineBreaks): { text: string; map?: LineMap } {
  const pattern = BREAKS[breaks];
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return { text };
  const substituted: number[] = [];
  const read = text.replace(pattern, (_, offset: number) => {
    substituted.push(offset);
    return breaks === 'lf' ? NO_BREAK : '\n';
  });
  return { text: read, map: new LineMap(text, read, substituted) };
}

/** The offsets at which each line starts, lines ending at `\n`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of `starts` an offset is on. */
function lineAt(starts: readonly number[], offset: number): number {
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Positions in the text a parser read, as positions in the file's own lines. */
export class LineMap {
  private readonly read: number[];
  private readonly git: number[];

  constructor(
    private readonly original: string,
    readText: string,
    /** Where a character was shown in place of another, ascending. */
    private readonly substituted: readonly number[],
  ) {
    this.read = lineStarts(readText);
    this.git = lineStarts(original);
  }

  /** A parser's 1-based line and column as the file's. */
  position(line: number, column: number): { line: number; column: number } {
    const start = this.read[Math.min(Math.max(line, 1), this.read.length) - 1]!;
    const offset = Math.min(start + Math.max(column, 1) - 1, this.original.length);
    const at = lineAt(this.git, offset);
    return { line: at, column: offset - this.git[at - 1]! + 1 };
  }

  /**
   * A fix in the file's lines; undefined when its lines are not whole lines
   * of the file, or hold a character the parser was shown in place of
   * another: such a change would not be the one the rule means.
   */
  fix(fix: Fix): Fix | undefined {
    if (fix.endLine === undefined) {
      if (fix.line === 0) return fix;
      const span = this.span(fix.line, fix.line);
      return span && { ...fix, line: span.to };
    }
    const span = this.span(fix.line, fix.endLine);
    return span && { ...fix, line: span.from, endLine: span.to };
  }

  /** The file's lines that parser lines `from`..`to` are, when they are whole lines with nothing substituted. */
  private span(from: number, to: number): { from: number; to: number } | undefined {
    if (from < 1 || to > this.read.length) return undefined;
    const start = this.read[from - 1]!;
    const end = to < this.read.length ? this.read[to]! - 1 : this.original.length;
    const startsLine = start === 0 || this.original[start - 1] === '\n';
    const endsLine = end === this.original.length || this.original[end] === '\n';
    if (!startsLine || !endsLine) return undefined;
    if (this.substituted.some((offset) => offset >= start && offset <= end)) return undefined;
    return { from: lineAt(this.git, start), to: lineAt(this.git, Math.max(start, end - 1)) };
  }
}
