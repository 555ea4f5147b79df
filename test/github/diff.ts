/**
 * A unified diff of two texts, as GitHub shows a changed file's `patch`:
 * hunks with three lines of context, no file header. A plain longest-common-
 * subsequence diff: test files are small, and the table is bounded.
 */
const CONTEXT = 3;
const MAX_CELLS = 4_000_000;
/** Past this, GitHub leaves a file's patch out of the list, as it does for a large diff. */
const MAX_PATCHED = 1024 * 1024;

/** The diff of a file's two versions, or undefined when it is too large to show. */
export function unifiedPatch(before: string | undefined, after: string | undefined): string | undefined {
  if ((before?.length ?? 0) > MAX_PATCHED || (after?.length ?? 0) > MAX_PATCHED) return undefined;
  const a = lines(before);
  const b = lines(after);
  if (a.length * b.length > MAX_CELLS) return undefined;
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: { mark: ' ' | '-' | '+'; text: string; old: number; new: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ mark: ' ', text: a[i]!, old: ++i, new: ++j });
    // Removed lines before added ones, as git shows a changed line.
    else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      ops.push({ mark: '-', text: a[i]!, old: ++i, new: j });
    else ops.push({ mark: '+', text: b[j]!, old: i, new: ++j });
  }
  // Hunks: each change with up to three lines of context either side; hunks whose context meets are one.
  const changed = ops.flatMap((op, k) => (op.mark === ' ' ? [] : [k]));
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const from = Math.max(0, k - CONTEXT);
    const to = Math.min(ops.length - 1, k + CONTEXT);
    const last = hunks.at(-1);
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  const out: string[] = [];
  for (const [from, to] of hunks) {
    const body = ops.slice(from, to + 1);
    const oldCount = body.filter((op) => op.mark !== '+').length;
    const newCount = body.filter((op) => op.mark !== '-').length;
    const first = ops[from]!;
    const oldStart = oldCount === 0 ? first.old : first.mark === '+' ? first.old + 1 : first.old;
    const newStart = newCount === 0 ? first.new : first.mark === '-' ? first.new + 1 : first.new;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of body) out.push(`${op.mark}${op.text}`);
  }
  return out.join('\n');
}

function lines(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}
