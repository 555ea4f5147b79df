/** The machine report, shared by the CLI's `--format json` and the action's `report` output. */
import type { Report } from '../model/report.js';

export interface JsonReport {
  conclusion: Report['conclusion'];
  errors: number;
  warnings: number;
  findings: Pick<
    Report['findings'][number],
    'ruleId' | 'severity' | 'message' | 'source' | 'kind' | 'line' | 'column' | 'related'
  >[];
  waivers: Report['waivers'];
  /** The rules that applied and found nothing, with the documents they passed. */
  passed: Report['passed'];
  [extra: string]: unknown;
}

export function toJson(report: Report, extra: Record<string, unknown> = {}): JsonReport {
  return {
    conclusion: report.conclusion,
    errors: report.errors,
    warnings: report.warnings,
    findings: report.findings.map(({ ruleId, severity, message, source, kind, line, column, related }) => ({
      ruleId,
      severity,
      message,
      source,
      ...(kind ? { kind } : {}),
      ...(related ? { related } : {}),
      line,
      column,
    })),
    waivers: report.waivers,
    passed: report.passed.map(({ ruleId, title, sources }) => ({ ruleId, title, sources })),
    documents: documentCounts(report),
    ...(report.config ? { config: report.config } : {}),
    ...(report.matched ? { matched: report.matched } : {}),
    ...(report.signOff ? { signedOffBy: report.signOff } : {}),
    ...(report.skipped ? { skipped: report.skipped } : {}),
    ...(report.notChecked ? { notChecked: report.notChecked } : {}),
    ...(report.services ? { services: report.services } : {}),
    ...extra,
  };
}

/** Each document's errors and warnings, in the report's order: one pass over the findings. */
function documentCounts(report: Report): { source: string; errors: number; warnings: number }[] {
  const counts = new Map(report.sources.map((source) => [source, { source, errors: 0, warnings: 0 }]));
  for (const f of report.findings) {
    const count = counts.get(f.source);
    if (count && f.severity === 'error') count.errors++;
    else if (count && f.severity === 'warning') count.warnings++;
  }
  return [...counts.values()];
}
