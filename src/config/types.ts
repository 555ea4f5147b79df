import type { DocumentSettings, Level } from '../model/spec.js';
import type { RuleId } from '../rules/index.js';

export type { ItemSpec, Level, Policy, SectionSpec, Severity, SignOffSpec } from '../model/spec.js';

/** Configuration after the preset and the file are merged: what the engine, the planning step and the adapters read. */
export interface ResolvedConfig extends DocumentSettings {
  /** Where it came from, for reports: the file's path, or `built-in devops rules`. */
  source: string;
  strict: boolean;
  rules: Record<RuleId, Level>;
  /** How the action reports: the most check-run annotations. */
  report: { maxAnnotations: number };
  skip: { labels: string[]; authors: string[]; drafts: boolean; onlyChangedFiles: string[] };
}
