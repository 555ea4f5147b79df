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
  /** What each applied fix did to the text's lines, as written (line ends included), for the diff. */
  changes: Change[];
}

/** One applied fix: the first old line it replaces (or the line it goes before), how many it replaces, what goes in. */
export interface Change {
  at: number;
  removed: number;
  added: string[];
}

/**
 * The fixes applied to the text, lines ending at `\n` as Git reads them.
 * Every byte outside the lines a fix replaces stays as it was: the final
 * line break (or its absence) and, line by line, a `\r` before the `\n`.
 * New lines end as the file's lines mostly end (`\r\n` in a CRLF file); a
 * replacement's last line as the line it replaces ended.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): Applied {
  const lines = text.split('\n');
  // A final line break is kept as it was: the last "line" is then empty.
  const taken: [number, number][] = [];
  const applied: Fix[] = [];
  const deferred: Fix[] = [];
  const span = (f: Fix): [number, number] =>
    f.endLine === undefined ? [f.line + 0.5, f.line + 0.5] : [f.line, f.endLine];
  const count = lines.at(-1) === '' ? lines.length - 1 : lines.length;
  for (const fix of [...fixes].sort((a, b) => a.line - b.line)) {
    const [from, to] = span(fix);
    const valid =
      fix.line >= 0 &&
      fix.line <= count &&
      (fix.endLine === undefined || (fix.endLine >= fix.line && fix.endLine <= count && fix.line >= 1));
    if (!valid) continue;
    if (taken.some(([a, b]) => from <= b && a <= to)) {
      deferred.push(fix);
      continue;
    }
    taken.push([from, to]);
    applied.push(fix);
  }
  const crlf = lines.filter((l, i) => i < lines.length - 1 && l.endsWith('\r')).length * 2 > lines.length - 1;
  const style = crlf ? '\r' : '';
  const changes: Change[] = [];
  // From the bottom up, so each fix's line numbers still hold when it is applied; on one line, what goes in after
  // it before what replaces it.
  const order = (f: Fix) => f.line + (f.endLine === undefined ? 0.5 : 0);
  for (const fix of [...applied].sort((a, b) => order(b) - order(a))) {
    const added = fix.text.split('\n');
    if (fix.endLine === undefined && fix.line > 0 && fix.line === lines.length) {
      // After the last line of a file that ends without a line break: that line now ends, as the others do, and the
      // last line inserted ends the file as it ended.
      const ended = lines[fix.line - 1]! + style;
      const inserted = added.map((l, i) => l + (i < added.length - 1 ? style : ''));
      changes.push({ at: fix.line, removed: 1, added: [ended, ...inserted] });
      lines.splice(fix.line - 1, 1, ended, ...inserted);
    } else if (fix.endLine === undefined) {
      const inserted = added.map((l) => l + style);
      lines.splice(fix.line, 0, ...inserted);
      changes.push({ at: fix.line + 1, removed: 0, added: inserted });
    } else {
      const last = lines[fix.endLine - 1]!.endsWith('\r') ? '\r' : '';
      const replaced = added.map((l, i) => l + (i < added.length - 1 ? style : last));
      lines.splice(fix.line - 1, fix.endLine - fix.line + 1, ...replaced);
      changes.push({ at: fix.line, removed: fix.endLine - fix.line + 1, added: replaced });
    }
  }
  return { text: lines.join('\n'), applied, deferred, changes: changes.reverse() };
}

/**
 * A path as Git writes it in a diff header: quoted, with C escapes, when it
 * holds a control character, a quote, a backslash or a byte past ASCII
 * (`core.quotePath`), so a tab or a line break in a name cannot end the
 * header and point `git apply` at another file.
 */
export function gitPath(prefix: string, path: string): string {
  const whole = `${prefix}${path}`;
  // eslint-disable-next-line no-control-regex -- control characters are what Git quotes
  if (!/[\x00-\x1f"\\\x7f-\uffff]/.test(whole)) return whole;
  const named: Record<string, string> = {
    '\x07': 'a',
    '\b': 'b',
    '\t': 't',
    '\n': 'n',
    '\v': 'v',
    '\f': 'f',
    '\r': 'r',
    '"': '"',
    '\\': '\\',
  };
  let out = '';
  for (const byte of Buffer.from(whole, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (named[c] !== undefined) out += `\\${named[c]}`;
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `"${out}"`;
}

const NO_NEWLINE = '\\ No newline at end of file';

/**
 * Applied fixes as a unified diff of one file, as `git apply` takes it:
 * changes whose three lines of context meet share a hunk. The lines are
 * written as the file has them (a `\r` before the line break included).
 */
export function fixDiff(path: string, before: string, changes: readonly Change[]): string {
  if (changes.length === 0) return '';
  const lines = before.split('\n');
  // A final line break ends the last line; it does not start another.
  const ends = lines.at(-1) === '';
  if (ends) lines.pop();
  const hunks: Change[][] = [];
  for (const change of [...changes].sort((a, b) => a.at - b.at)) {
    const open = hunks.at(-1);
    const end = open ? open.at(-1)!.at + open.at(-1)!.removed : -Infinity;
    if (open && change.at - end <= 6) open.push(change);
    else hunks.push([change]);
  }
  const out = [`--- ${gitPath('a/', path)}`, `+++ ${gitPath('b/', path)}`];
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
    // The last line of a file that ends without a line break says so, old and new alike.
    const noEnd = (line: number) => (!ends && line === lines.length ? [NO_NEWLINE] : []);
    for (const change of hunk) {
      for (; at < change.at; at++) body.push(` ${lines[at - 1]}`, ...noEnd(at));
      for (let i = 0; i < change.removed; i++, at++) body.push(`-${lines[at - 1]}`, ...noEnd(at));
      body.push(...change.added.map((l) => `+${l}`));
      if (!ends && change.removed > 0 && at > lines.length) body.push(NO_NEWLINE);
      added += change.added.length;
      removed += change.removed;
    }
    for (; at < stop; at++) body.push(` ${lines[at - 1]}`, ...noEnd(at));
    const context = body.filter((l) => l.startsWith(' ')).length;
    out.push(`@@ -${start},${context + removed} +${start + shift},${context + added} @@`, ...body);
    shift += added - removed;
  }
  return `${out.join('\n')}\n`;
}
