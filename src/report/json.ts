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
    documents: report.sources.map((source) => {
      const of = report.findings.filter((f) => f.source === source);
      return {
        source,
        errors: of.filter((f) => f.severity === 'error').length,
        warnings: of.filter((f) => f.severity === 'warning').length,
      };
    }),
    ...(report.config ? { config: report.config } : {}),
    ...(report.matched ? { matched: report.matched } : {}),
    ...(report.signOff ? { signedOffBy: report.signOff } : {}),
    ...(report.skipped ? { skipped: report.skipped } : {}),
    ...(report.notChecked ? { notChecked: report.notChecked } : {}),
    ...(report.services ? { services: report.services } : {}),
    ...extra,
  };
}
