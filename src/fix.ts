/**
 * Fixes applied to a file's text, as `check --fix` applies them: each a
 * change to whole lines (`model/finding.ts`), none overlapping another, in
 * one pass; a fix that touches lines another fix of the pass touches waits
 * for the next pass, after the file is checked again. Pure: text in, text
 * out.
 */
import type { Fix } from './model/finding.js';

export interface Applied {
  text: string;
  applied: Fix[];
  /** Fixes left for another pass: they touch the lines of one applied before them. */
  deferred: Fix[];
}

export function applyFixes(text: string, fixes: readonly Fix[]): Applied {
  const lines = text.split('\n');
  // A final line break is kept as it was: the last "line" is then empty.
  const taken: [number, number][] = [];
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  const span = (f: Fix): [number, number] =>
    f.endLine === undefined ? [f.line + 0.5, f.line + 0.5] : [f.line, f.endLine];
  for (const fix of [...fixes].sort((a, b) => a.line - b.line)) {
    const [from, to] = span(fix);
    const valid =
      fix.line >= 0 &&
      fix.line <= lines.length &&
      (fix.endLine === undefined || (fix.endLine >= fix.line && fix.endLine <= lines.length && fix.line >= 1));
    if (!valid) continue;
    if (taken.some(([a, b]) => from <= b && a <= to)) {
      deferred.push(fix);
      continue;
    }
    taken.push([from, to]);
    applied.push(fix);
  }
  // From the bottom up, so each fix's line numbers still hold when it is applied; on one line, what goes in after
  // it before what replaces it.
  const order = (f: Fix) => f.line + (f.endLine === undefined ? 0.5 : 0);
  for (const fix of [...applied].sort((a, b) => order(b) - order(a))) {
    const replacement = fix.text.split('\n');
    if (fix.endLine === undefined) lines.splice(fix.line, 0, ...replacement);
    else lines.splice(fix.line - 1, fix.endLine - fix.line + 1, ...replacement);
  }
  return { text: lines.join('\n'), applied, deferred };
}

/**
 * Applied fixes as a unified diff of one file, as `git apply` takes it:
 * changes whose three lines of context meet share a hunk.
 */
export function fixDiff(path: string, before: string, applied: readonly Fix[]): string {
  if (applied.length === 0) return '';
  const lines = before.split('\n');
  // A final line break ends the last line; it does not start another.
  if (lines.at(-1) === '') lines.pop();
  // Each change: the first old line it replaces (or the line it goes before), how many it replaces, what goes in.
  const changes = [...applied]
    .sort((a, b) => a.line - b.line)
    .map((fix) => ({
      at: fix.endLine === undefined ? fix.line + 1 : fix.line,
      removed: fix.endLine === undefined ? 0 : fix.endLine - fix.line + 1,
      added: fix.text.split('\n'),
    }));
  const hunks: (typeof changes)[] = [];
  for (const change of changes) {
    const open = hunks.at(-1);
    const end = open ? open.at(-1)!.at + open.at(-1)!.removed : -Infinity;
    if (open && change.at - end <= 6) open.push(change);
    else hunks.push([change]);
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let shift = 0;
  for (const hunk of hunks) {
    const first = hunk[0]!.at;
    const last = hunk.at(-1)!.at + hunk.at(-1)!.removed;
    const start = Math.max(1, first - 3);
    const stop = Math.min(lines.length + 1, last + 3);
    const body: string[] = [];
    let at = start;
    let added = 0;
    let removed = 0;
    for (const change of hunk) {
      for (; at < change.at; at++) body.push(` ${lines[at - 1]}`);
      for (let i = 0; i < change.removed; i++, at++) body.push(`-${lines[at - 1]}`);
      body.push(...change.added.map((l) => `+${l}`));
      added += change.added.length;
      removed += change.removed;
    }
    for (; at < stop; at++) body.push(` ${lines[at - 1]}`);
    const context = body.length - added - removed;
    out.push(`@@ -${start},${context + removed} +${start + shift},${context + added} @@`, ...body);
    shift += added - removed;
  }
  return `${out.join('\n')}\n`;
}
