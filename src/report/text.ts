/** The CLI's human report: one block per document, `file:line:column`, colour on a TTY. */
import type { Report } from '../engine.js';
import type { Severity } from '../config/types.js';

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;

export function formatText(report: Report, { color }: TextOptions): string {
  const paint = (code: keyof typeof CODES, s: string) => (color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const severityText = (s: Severity) =>
    s === 'error' ? paint('red', 'error  ') : s === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'notice ');
  const lines: string[] = [];
  for (const source of report.sources) {
    const findings = report.findings.filter((f) => f.source === source);
    if (findings.length === 0) {
      lines.push(`${paint('green', '✔')} ${paint('bold', source)}`);
      continue;
    }
    lines.push(`${paint('red', '✖')} ${paint('bold', source)}`);
    for (const f of findings) {
      lines.push(
        `  ${paint('dim', `${source}:${f.line}:${f.column}`)}  ${severityText(f.severity)}  ${f.message}  ${paint('dim', f.ruleId)}`,
      );
    }
  }
  if (report.waivers.length > 0) {
    lines.push('', paint('bold', 'Waived:'));
    for (const w of report.waivers) lines.push(`  ${w.source}:${w.line}  ${w.label} (${w.section}): ${w.reason}`);
  }
  const verdict = report.conclusion === 'success' ? paint('green', 'Gate passed') : paint('red', 'Gate failed');
  const checked = `${report.sources.length} document${report.sources.length === 1 ? '' : 's'}`;
  lines.push('', `${verdict}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')} in ${checked}.`);
  return `${lines.join('\n')}\n`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
