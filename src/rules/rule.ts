/**
 * What a rule is and what it returns. A rule reports where and what; the
 * engine stamps on the rule id, the configured severity and the source.
 */
import type { ResolvedConfig, Severity } from '../config/types.js';
import type { DocumentView } from '../markdown/document.js';
import type { RuleId } from './ids.js';

export interface Finding {
  /** A rule; `config-invalid` when the config cannot be read; `sign-off` for a missing reviewer sign-off. */
  ruleId: RuleId | 'config-invalid' | 'sign-off';
  severity: Severity;
  message: string;
  /** A repository path, or `pull-request` for the description. */
  source: string;
  line: number;
  column: number;
}

export interface RawFinding {
  message: string;
  line: number;
  column: number;
}

export interface RunbookFile {
  path: string;
  /** `undefined` when the file does not exist. */
  text: string | undefined;
}

export interface PullRequestContext {
  doc: DocumentView;
  config: ResolvedConfig;
  /** Runbook files linked from the description, looked up by path. */
  runbooks: ReadonlyMap<string, RunbookFile>;
}

export interface RunbookContext {
  doc: DocumentView;
  config: ResolvedConfig;
  path: string;
}

interface RuleBase {
  id: RuleId;
  /** What a pass means, shown in the report's list of passing checks. */
  title: string;
}

/**
 * A check returns its findings, or `undefined` when the rule does not apply
 * to the document (no Operations Review, a runbook below High risk): only a
 * rule that applied and found nothing is listed as a passing check.
 */
export type Outcome = RawFinding[] | undefined;

export interface PullRequestRule extends RuleBase {
  target: 'pull-request';
  check(ctx: PullRequestContext): Outcome;
}

export interface RunbookRule extends RuleBase {
  target: 'runbook';
  check(ctx: RunbookContext): Outcome;
}

export type Rule = PullRequestRule | RunbookRule;

/** A place in a document, as a finding wants it. */
export function at(p: { line: number; column: number }, message: string): RawFinding {
  return { message, line: p.line, column: p.column };
}

/** Quote untrusted text for a message, short and on one line. */
export function quote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
