/**
 * Unified diffs (GitHub's `patch` of a changed file, `git diff`), read on
 * the new side: which lines the diff shows, which it adds, and which a
 * change touches.
 */

export interface DiffLine {
  text: string;
  /** Which hunk it is in, from 0: a review comment's range must stay within one. */
  hunk: number;
  added: boolean;
}

/** Every line of the new side the diff shows (added or context), by number. */
export function diffLines(patch: string): Map<number, DiffLine> {
  return readDiff(patch).right;
}

/**
 * What a change does on the new side, in order: the lines it adds (`n`),
 * and where it deletes lines (`-n`: lines removed between new lines `n - 1`
 * and `n`). A deletion is the change of the code around it only (deleting
 * `timeout=5,` from a call changes the call), not of a line beside it: see
 * `touches`.
 */
export function changedLines(patch: string): number[] {
  const { right, deletedBefore } = readDiff(patch);
  const lines = new Set<number>();
  for (const [n, line] of right) if (line.added) lines.add(n);
  for (const n of deletedBefore) lines.add(-n);
  return [...lines].sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
}

/**
 * Whether a change (`changedLines`) touches the code on lines `from` to
 * `to`: it adds one of them, or deletes lines from inside the code (between
 * two of its lines), not just before or after it.
 */
export function touches(changed: ReadonlySet<number>, from: number, to: number): boolean {
  for (let line = from; line <= to; line++) if (changed.has(line)) return true;
  for (let line = from + 1; line <= to; line++) if (changed.has(-line)) return true;
  return false;
}

function readDiff(patch: string): { right: Map<number, DiffLine>; deletedBefore: Set<number> } {
  const right = new Map<number, DiffLine>();
  const deletedBefore = new Set<number>();
  let line = 0;
  let hunk = -1;
  for (const raw of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(raw);
    if (header) {
      // A hunk that adds nothing names the line before it: the next line of the new side is the one after.
      line = Number(header[1]) + (header[2] === '0' ? 1 : 0);
      hunk++;
      continue;
    }
    if (hunk < 0) continue;
    const mark = raw[0];
    if (mark === '+' || mark === ' ') {
      right.set(line, { text: raw.slice(1).replace(/\r$/, ''), hunk, added: mark === '+' });
      line++;
    } else if (mark === '-') deletedBefore.add(line);
    // '\ No newline at end of file' is neither side's.
  }
  return { right, deletedBefore };
}
