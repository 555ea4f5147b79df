/**
 * The report as GitHub Actions workflow commands, one a finding:
 * `::error file=deploy/api.yaml,line=9,col=17,title=manifest-readiness-probe::…`.
 * A `run:` step that prints them gets annotations without the action; other
 * CI systems parse the same lines. What documents say is escaped as the
 * runner reads commands (`%`, line breaks; `:` and `,` in properties), so a
 * message can neither end its command nor start another.
 */
import type { Report } from '../model/report.js';

const LEVEL = { error: 'error', warning: 'warning', notice: 'notice' } as const;

/** A command's data: `%`, CR and LF escaped, so it stays one command. */
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A command's property value: its data's escapes, and `:` and `,`, which end a property. */
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(report: Report, names: Readonly<Record<string, string>> = {}): string {
  const lines = report.findings.map((f) => {
    const file = Object.hasOwn(names, f.source) ? names[f.source] : f.kind === 'pull-request' ? undefined : f.source;
    const props = [
      ...(file !== undefined ? [`file=${property(file)}`, `line=${f.line}`, `col=${f.column}`] : []),
      `title=${property(f.ruleId)}`,
    ].join(',');
    return `::${LEVEL[f.severity]} ${props}::${data(f.message)}`;
  });
  const verdict = `${report.conclusion === 'success' ? 'Gate passed' : 'Gate failed'}: ${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}.`;
  return `${[...lines, verdict].join('\n')}\n`;
}
