/** The check run's annotations: findings in files (the description has no file to point at), at most `max`. */
import { PULL_REQUEST } from '../kinds/pull-request.js';
import type { Finding } from '../model/report.js';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title: string;
}

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

export function annotationsFor(findings: Finding[], max: number): { sent: Annotation[]; leftOut: number } {
  const all = findings
    .filter((f) => f.source !== PULL_REQUEST)
    .map((f) => ({
      path: f.source,
      start_line: f.line,
      end_line: f.line,
      annotation_level: LEVEL[f.severity],
      message: f.message,
      title: f.ruleId,
    }));
  return { sent: all.slice(0, max), leftOut: Math.max(0, all.length - max) };
}
