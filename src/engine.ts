/**
 * The pure core: documents and a resolved config in, a report out. No I/O:
 * the CLI and the action read files or the API and hand over text.
 */
import type { ResolvedConfig, Severity } from './config/types.js';
import { parseDocument, type DocumentView } from './markdown/document.js';
import { matchSections } from './rules/checklist.js';
import { RULES } from './rules/index.js';
import type { RuleId } from './rules/ids.js';
import type { Finding, Outcome, PullRequestContext, RawFinding, Rule, RunbookFile } from './rules/rule.js';
import { runbookSection } from './rules/runbook-links.js';
import type { SignOff } from './signoff/evaluate.js';

export const PULL_REQUEST = 'pull-request';

export interface CheckInput {
  /** The pull-request description; omitted when only runbooks are checked. */
  description?: string | DocumentView;
  /** Runbooks to check, and the files the description links (text undefined when missing). */
  runbooks: RunbookFile[];
  config: ResolvedConfig;
}

export interface Waiver {
  source: string;
  section: string;
  label: string;
  reason: string;
  line: number;
}

export interface Pass {
  ruleId: RuleId;
  title: string;
  sources: string[];
}

export interface Report {
  conclusion: 'success' | 'failure';
  errors: number;
  warnings: number;
  notices: number;
  findings: Finding[];
  waivers: Waiver[];
  passed: Pass[];
  /** Every document checked, the description first. */
  sources: string[];
  /** Who signed off, when `sign-off` is configured and satisfied. */
  signOff?: SignOff;
}

/** Paths of the runbooks a description links, for the caller to fetch. */
export function linkedRunbooks(description: DocumentView, config: ResolvedConfig): string[] {
  return runbookSection(description, config).links.map((l) => l.path);
}

export function check(input: CheckInput): Report {
  const { config } = input;
  const findings: Finding[] = [];
  const waivers: Waiver[] = [];
  const passes = new Map<RuleId, Pass>();
  const sources: string[] = [];

  const run = <C>(rule: Rule, source: string, ctx: C): void => {
    const severity = config.rules[rule.id];
    if (severity === 'off') return;
    const raw = (rule.check as (c: C) => Outcome)(ctx);
    if (raw === undefined) return;
    if (raw.length === 0) {
      const pass = passes.get(rule.id) ?? { ruleId: rule.id, title: rule.title, sources: [] };
      pass.sources.push(source);
      passes.set(rule.id, pass);
    }
    for (const f of raw) findings.push(stamp(rule.id, severity, source, f));
  };

  const runbooks = new Map(input.runbooks.map((file) => [file.path, file]));

  if (input.description !== undefined) {
    const doc = typeof input.description === 'string' ? parseDocument(input.description) : input.description;
    sources.push(PULL_REQUEST);
    const ctx: PullRequestContext = { doc, config, runbooks };
    for (const rule of RULES) if (rule.target === 'pull-request') run(rule, PULL_REQUEST, ctx);
    waivers.push(...collectWaivers(doc, config));
  }

  for (const file of runbooks.values()) {
    if (file.text === undefined) continue;
    const doc = parseDocument(file.text);
    sources.push(file.path);
    for (const rule of RULES) if (rule.target === 'runbook') run(rule, file.path, { doc, config, path: file.path });
  }

  return summarise(findings, waivers, [...passes.values()], sources, config.strict);
}

function stamp(ruleId: RuleId, severity: Severity, source: string, f: RawFinding): Finding {
  return { ruleId, severity, message: f.message, source, line: f.line, column: f.column };
}

function collectWaivers(doc: DocumentView, config: ResolvedConfig): Waiver[] {
  const out: Waiver[] = [];
  for (const { spec, items } of matchSections(doc, config.pullRequest.sections)) {
    for (const match of items) {
      if (match.state?.kind !== 'waived' || !match.item) continue;
      out.push({
        source: PULL_REQUEST,
        section: spec.name,
        label: match.label,
        reason: match.state.reason,
        line: match.item.line,
      });
    }
  }
  const runbook = runbookSection(doc, config);
  if (runbook.section && runbook.links.length === 0 && runbook.waiver.kind === 'waived') {
    const name = config.pullRequest.runbook.section;
    out.push({
      source: PULL_REQUEST,
      section: name,
      label: name,
      reason: runbook.waiver.reason,
      line: runbook.section.line,
    });
  }
  return out;
}

/** One report from reports over disjoint documents, in the order given. */
export function mergeReports(reports: Report[], strict: boolean): Report {
  const passes = new Map<RuleId, Pass>();
  for (const report of reports) {
    for (const pass of report.passed) {
      const merged = passes.get(pass.ruleId);
      if (merged) merged.sources.push(...pass.sources);
      else passes.set(pass.ruleId, { ...pass, sources: [...pass.sources] });
    }
  }
  const order = RULES.map((r) => r.id);
  const passed = [...passes.values()].sort((a, b) => order.indexOf(a.ruleId) - order.indexOf(b.ruleId));
  return summarise(
    reports.flatMap((r) => r.findings),
    reports.flatMap((r) => r.waivers),
    passed,
    reports.flatMap((r) => r.sources),
    strict,
  );
}

/** The report for these findings: sorted by document (in `sources` order), line and column; counted; concluded. */
export function summarise(
  unsorted: Finding[],
  waivers: Waiver[],
  passed: Pass[],
  sources: string[],
  strict: boolean,
): Report {
  const order = new Map(sources.map((s, i) => [s, i]));
  const rank = (f: Finding) => order.get(f.source) ?? sources.length;
  const findings = [...unsorted].sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const failed = errors > 0 || (strict && warnings > 0);
  return {
    conclusion: failed ? 'failure' : 'success',
    errors,
    warnings,
    notices: count('notice'),
    findings,
    waivers,
    passed,
    sources,
  };
}
