/**
 * The CLI's human report: one block per document, `file:line:column`, colour
 * on a TTY. Text that comes from documents (messages quote labels and
 * values; paths are file names) is made safe for a terminal and a CI log:
 * one line, no control characters or escape sequences, and no `::` that a
 * runner could take for a workflow command. Every line starts with the
 * report's own text.
 */
import type { Severity } from '../config/types.js';
import type { NotChecked, Report } from '../model/report.js';

export interface TextOptions {
  color: boolean;
  /** Lines shown after the verdict: trusted text. */
  notes?: string[];
  /** A source named otherwise than by its path: the description as the file it was read from. */
  names?: Readonly<Record<string, string>>;
}

const CODES = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;

const CONTROL =
  // eslint-disable-next-line no-control-regex -- stripping control characters and escape sequences is the point
  /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[\]P^_][\s\S]*?(?:\u0007|\u001b\\)|[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Document text for one line of a terminal or log. */
export function safeLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(CONTROL, '').replace(/::/g, ':\u200b:').trim();
}

export function formatText(report: Report, { color, notes = [], names = {} }: TextOptions): string {
  const paint = (code: keyof typeof CODES, s: string) => (color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const severityText = (s: Severity) =>
    s === 'error' ? paint('red', 'error  ') : s === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'notice ');
  const lines: string[] = [];
  for (const source of report.sources) {
    // An editor's problem matcher jumps to `pr.md:20:1`, not to `pull-request:20:1`.
    const name = safeLine(Object.hasOwn(names, source) ? names[source]! : source);
    const findings = report.findings.filter((f) => f.source === source);
    if (findings.length === 0) {
      lines.push(`${paint('green', '✔')} ${paint('bold', name)}`);
      continue;
    }
    const mark = findings.some((f) => f.severity === 'error') ? paint('red', '✖') : paint('yellow', '⚠');
    lines.push(`${mark} ${paint('bold', name)}`);
    for (const f of findings) {
      lines.push(
        `  ${paint('dim', `${name}:${f.line}:${f.column}`)}  ${severityText(f.severity)}  ${safeLine(f.message)}  ${paint('dim', f.ruleId)}`,
      );
    }
  }
  if (report.waivers.length > 0) {
    lines.push('', paint('bold', 'Waived:'));
    for (const w of report.waivers) {
      lines.push(
        `  ${safeLine(w.source)}:${w.line}  ${safeLine(w.label)} (${safeLine(w.section)}): ${safeLine(w.reason)}${
          w.evidence?.length
            ? `${/[.!?]$/.test(w.reason) ? '' : '.'} The changed files show: ${w.evidence
                .slice(0, 3)
                .map((e) => `${safeLine(e.source)}:${e.line} (${e.ruleId})`)
                .join(', ')}${w.evidence.length > 3 ? ` and ${w.evidence.length - 3} more` : ''}`
            : ''
        }`,
      );
    }
  }
  if (report.matched?.length) {
    lines.push('', paint('bold', 'Why this pull request owes more:'));
    for (const m of report.matched) lines.push(`  ${safeLine(m.name)}: ${m.reasons.map(safeLine).join('; ')}`);
  }
  if (report.skipped) {
    lines.push(`${paint('green', 'Skipped')}: ${safeLine(report.skipped)}`);
    if (report.config) lines.push(`Config: ${safeLine(report.config)}.`);
    for (const note of notes) lines.push(`Note: ${note}`);
    return `${lines.join('\n')}\n`;
  }
  const verdict = report.conclusion === 'success' ? paint('green', 'Gate passed') : paint('red', 'Gate failed');
  const checked = `${report.sources.length} document${report.sources.length === 1 ? '' : 's'}`;
  lines.push('', `${verdict}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')} in ${checked}.`);
  if (report.config) lines.push(`Config: ${safeLine(report.config)}.`);
  if (report.notChecked?.length) lines.push(notCheckedLine(report.notChecked));
  for (const note of notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/** `Not checked: 3 files (2: no runbook template selects it: a.md, b.md; 1: no kind reads it: x.py).` */
function notCheckedLine(files: readonly NotChecked[]): string {
  const byReason = new Map<string, string[]>();
  for (const f of files) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f.path]);
  const parts = [...byReason].map(([reason, paths]) => {
    const shown = paths.slice(0, 5).map(safeLine).join(', ');
    return `${paths.length}: ${reason}: ${shown}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`;
  });
  return `Not checked: ${plural(files.length, 'file')} (${parts.join('; ')}).`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
