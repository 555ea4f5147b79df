/**
 * The pure core: documents and a resolved config in, a report out. No I/O:
 * the CLI and the action read files or the API and hand over text, each file
 * with the kind the planning step gave it. Every kind and every rule is
 * looked up in its registry; nothing here knows one kind from another.
 */
import type { ResolvedConfig, Severity } from './config/types.js';
import { isEvidence, KINDS, type KindId } from './kinds/index.js';
import {
  fileKey,
  type CompanionFile,
  type Companions,
  type EvidenceFinding,
  type Facts,
  type SeverityCap,
  type SourceFile,
  type Unread,
  type Waiver,
} from './kinds/kind.js';
import { PULL_REQUEST } from './kinds/pull-request.js';
import type { DocumentView } from './markdown/document.js';
import type { PullRequestFacts } from './model/conditions.js';
import type { RawFinding } from './model/finding.js';
import { RULES, type AnyRule, type RuleId } from './rules/index.js';
import type { MatchedEntry, Outcome } from './rules/rule.js';
import type { ReviewFacts, SignOff } from './signoff/evaluate.js';

export { PULL_REQUEST };
export type { Waiver };

/** Changed runbooks read a run; more are named and fail the gate. Deployment files: `evidence.max-files`. */
export const MAX_CHANGED_RUNBOOKS = 300;

/**
 * Findings of the gate itself, not of a rule: always errors, never turned
 * off, so the gate fails closed when it cannot read its config or a
 * document it should check. `gate-fault` is a fault of the gate itself on
 * one document (a rule or parser that threw): that document fails.
 */
export const GATE_FINDINGS = ['config-invalid', 'document-unreadable', 'document-too-complex', 'gate-fault'] as const;

export interface Finding {
  /** A rule, or one of GATE_FINDINGS. */
  ruleId: RuleId | (typeof GATE_FINDINGS)[number];
  severity: Severity;
  message: string;
  /** A repository path, or `pull-request` for the description. */
  source: string;
  /** The kind of document the source was read as; absent for the config file. */
  kind?: KindId;
  line: number;
  column: number;
  /** Why the finding is at most a warning: its document's cap (an overlay may patch the file). */
  capped?: string;
  /** The line of another document the finding rests on. */
  related?: { source: string; line: number };
}

/** A file to check, with the kind the planning step gave it; `text` undefined when it does not exist or was not read. */
export interface KindedFile extends SourceFile {
  kind: KindId;
  /** Read only for the documents it goes with (a chart's values.yaml): not checked, not a source. */
  companion?: true;
  /** A companion read at the base commit. */
  fromBase?: true;
}

export interface CheckInput {
  /** The pull-request description, as text or already parsed, or why it cannot be; omitted when only files are checked. */
  description?: string | DocumentView | Unread;
  /** Files to check, and the files the description links (text undefined when missing). */
  files: KindedFile[];
  /** What the action read for sign-off. */
  reviews?: ReviewFacts;
  /** What the adapter knows of the pull request, for `when` entries. */
  pullRequest?: PullRequestFacts;
  /** Findings on files checked in another call (the CLI's threads), for the description's rules. */
  evidence?: readonly EvidenceFinding[];
  /** The deployment files checked in another call, findings or not. */
  evidenceSources?: readonly string[];
  config: ResolvedConfig;
  /** Called as each document is about to be parsed and checked: a budgeted thread reports its progress. */
  onDocument?: (source: string) => void;
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
  /** Which config decided: its path, or the built-in rules. */
  config?: string;
  /** Who signed off, when `sign-off` is configured and satisfied. */
  signOff?: SignOff;
  /** The `when` entries the pull request matched, and why. */
  matched?: MatchedEntry[];
}

export function check(input: CheckInput): Report {
  const { config } = input;
  const findings: Finding[] = [];
  const waivers: Waiver[] = [];
  const passes = new Map<RuleId, Pass>();
  const sources: string[] = [];
  let signOff: SignOff | undefined;
  let matched: MatchedEntry[] | undefined;
  const files = new Map(input.files.map((file) => [fileKey(file), file]));
  const facts: Facts = {
    files,
    ...(input.reviews ? { reviews: input.reviews } : {}),
    ...(input.pullRequest ? { pullRequest: input.pullRequest } : {}),
  };

  const tooComplex = (source: string, kind: KindId, reason: string) =>
    findings.push({
      ruleId: 'document-too-complex',
      severity: 'error',
      message: `Too complex to check: ${reason}. Simplify its structure (fewer nesting levels, shorter runs of markup); the gate fails until it can check it.`,
      source,
      kind,
      line: 1,
      column: 1,
    });

  /** A fault of the gate on one document: that document fails, the others are still checked and the verdict published. */
  const fault = (source: string, kind: KindId, doing: string, error: unknown) =>
    findings.push({
      ruleId: 'gate-fault',
      severity: 'error',
      message: `The gate failed while ${doing} (${error instanceof Error ? error.message : String(error)}). This is a fault in readiness-gate, not in the document: please report it with the file. The gate fails until it can check it.`,
      source,
      kind,
      line: 1,
      column: 1,
    });

  /** Parses a document; a parser that overflows its stack on hostile nesting makes it too complex, not a crash. */
  const parse = (kind: KindId, path: string, text: string): unknown => {
    input.onDocument?.(path);
    try {
      return KINDS[kind].parse(text, path, companionsOf(kind, path, text, files));
    } catch (error) {
      sources.push(path);
      if (error instanceof RangeError) tooComplex(path, kind, 'it nests too deeply to parse');
      else fault(path, kind, 'parsing it', error);
      return undefined;
    }
  };

  const views = new Map<string, unknown>();
  facts.views = views;
  const checkDocument = (kind: KindId, path: string, view: unknown): void => {
    sources.push(path);
    // Kept only for a description to read (its linked runbooks); without one, each tree can go once checked.
    if (input.description !== undefined) views.set(path, view);
    const capOf = KINDS[kind].cap as ((v: unknown) => SeverityCap | undefined) | undefined;
    const cap = capOf?.(view);
    const waiversOf = KINDS[kind].waivers as ((v: unknown, s: ResolvedConfig, f: Facts) => Waiver[]) | undefined;
    if (waiversOf) waivers.push(...waiversOf(view, config, facts));
    const context = (KINDS[kind].context as (v: unknown, p: string, s: ResolvedConfig, f: Facts) => unknown)(
      view,
      path,
      config,
      facts,
    );
    for (const rule of RULES as readonly AnyRule[]) {
      if (rule.kind !== kind) continue;
      const severity = config.rules[rule.id];
      if (severity === 'off') continue;
      let outcome: ReturnType<typeof normalise>;
      try {
        outcome = normalise((rule.check as (c: unknown) => Outcome)(context));
      } catch (error) {
        fault(path, kind, `checking ${rule.id}`, error);
        continue;
      }
      if (!outcome) continue;
      if (outcome.signOff) signOff = outcome.signOff;
      if (outcome.matched) matched = outcome.matched;
      if (outcome.findings.length === 0) {
        const pass = passes.get(rule.id) ?? { ruleId: rule.id, title: rule.title, sources: [] };
        pass.sources.push(path);
        passes.set(rule.id, pass);
      }
      for (const f of outcome.findings) findings.push(stamp(rule.id, severity, path, kind, f, cap));
    }
  };

  const overLimit: string[] = [];
  const overChanged: string[] = [];
  const overEvidence: string[] = [];
  for (const file of files.values()) {
    if (file.companion) continue;
    if (file.unread?.kind === 'over-limit') {
      const of = file.unread.of;
      (of === 'changed' ? overChanged : of === 'evidence' ? overEvidence : overLimit).push(file.path);
    } else if (file.unread?.kind === 'too-complex') {
      sources.push(file.path);
      tooComplex(file.path, file.kind, file.unread.reason);
    } else if (file.unread) {
      sources.push(file.path);
      const message = `Could not read ${file.path}: ${file.unread.reason}. The gate fails until it can read every document it checks.`;
      findings.push({
        ruleId: 'document-unreadable',
        severity: 'error',
        message,
        source: file.path,
        kind: file.kind,
        line: 1,
        column: 1,
      });
    } else if (file.text !== undefined) {
      const view = parse(file.kind, file.path, file.text);
      if (view !== undefined) checkDocument(file.kind, file.path, view);
    }
  }
  const notRead = (paths: string[], what: string) => {
    if (paths.length === 0) return;
    const more = paths.length > 3 ? ` and ${paths.length - 3} more` : '';
    findings.push({
      ruleId: 'document-unreadable',
      severity: 'error',
      message: `${paths.length} changed ${what}. Not read: ${paths.slice(0, 3).join(', ')}${more}. Split the pull request.`,
      source: PULL_REQUEST,
      kind: 'pull-request',
      line: 1,
      column: 1,
    });
  };
  notRead(overChanged, `runbooks were not read: the gate reads at most ${MAX_CHANGED_RUNBOOKS} a run`);
  notRead(
    overEvidence,
    `deployment files were not read: the gate reads at most ${config.evidence.maxFiles} a run (\`evidence.max-files\`)`,
  );
  if (overLimit.length > 0) {
    const shown = overLimit.slice(0, 3).join(', ');
    const more = overLimit.length > 3 ? ` and ${overLimit.length - 3} more` : '';
    findings.push({
      ruleId: 'document-unreadable',
      severity: 'error',
      message: `${overLimit.length} linked runbook files were not read: the gate reads at most ${config.pullRequest.runbook.maxLinks} (\`pull-request.runbook.max-links\`) and fails on the rest. Not read: ${shown}${more}. Link fewer runbooks.`,
      source: PULL_REQUEST,
      kind: 'pull-request',
      line: 1,
      column: 1,
    });
  }

  // The description is checked last, so its rules can weigh what the files showed (a ticked claim
  // the change contradicts); it is still the first document of the report.
  facts.evidence = [...(input.evidence ?? []), ...findings.filter((f) => f.source !== PULL_REQUEST)];
  facts.evidenceSources = [
    ...(input.evidenceSources ?? []),
    ...[...files.values()].filter((f) => !f.companion && f.text !== undefined && isEvidence(f.kind)).map((f) => f.path),
  ];
  const { description } = input;
  if (typeof description === 'string') {
    const doc = parse('pull-request', PULL_REQUEST, description);
    if (doc) checkDocument('pull-request', PULL_REQUEST, doc);
  } else if (description && 'kind' in description) {
    sources.push(PULL_REQUEST);
    tooComplex(PULL_REQUEST, 'pull-request', 'reason' in description ? description.reason : description.kind);
  } else if (description) {
    input.onDocument?.(PULL_REQUEST);
    checkDocument('pull-request', PULL_REQUEST, description);
  }
  if (sources.includes(PULL_REQUEST))
    sources.splice(0, sources.length, PULL_REQUEST, ...sources.filter((x) => x !== PULL_REQUEST));
  const order: string[] = RULES.map((r) => r.id);
  const passed = [...passes.values()].sort((a, b) => order.indexOf(a.ruleId) - order.indexOf(b.ruleId));

  const rank = (w: Waiver) => sources.indexOf(w.source);
  waivers.sort((a, b) => rank(a) - rank(b));
  const report = { ...summarise(findings, waivers, passed, sources, config.strict), config: config.source };
  return { ...report, ...(signOff ? { signOff } : {}), ...(matched?.length ? { matched } : {}) };
}

function normalise(
  outcome: Outcome,
): { findings: RawFinding[]; signOff?: SignOff; matched?: MatchedEntry[] } | undefined {
  if (outcome === undefined) return undefined;
  return Array.isArray(outcome) ? { findings: outcome } : outcome;
}

const RANK: Record<Severity, number> = { notice: 1, warning: 2, error: 3 };
const lower = (a: Severity, b: Severity | undefined): Severity => (b !== undefined && RANK[b] < RANK[a] ? b : a);

function stamp(
  ruleId: RuleId,
  configured: Severity,
  source: string,
  kind: KindId,
  f: RawFinding,
  cap: SeverityCap | undefined,
): Finding {
  const own = lower(configured, f.severity);
  const severity = lower(own, cap?.severity);
  const message = severity === own ? f.message : `${f.message} (At most a ${severity}: ${cap!.why}.)`;
  return {
    ruleId,
    severity,
    message,
    source,
    kind,
    line: f.line,
    column: f.column,
    ...(cap ? { capped: cap.why } : {}),
    ...(f.related ? { related: f.related } : {}),
  };
}

/** The companion files of a document, as its kind asked for them: text, null when absent; unread ones left out. */
function companionsOf(kind: KindId, path: string, text: string, files: ReadonlyMap<string, SourceFile>): Companions {
  const wanted =
    (KINDS[kind] as { companions?: (p: string, t: string) => CompanionFile[] }).companions?.(path, text) ?? [];
  const found = new Map<string, string | null>();
  for (const companion of wanted) {
    const file = files.get(fileKey(companion));
    if (!file || file.unread) continue;
    found.set(companion.path, file.text ?? null);
  }
  return found;
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
  const order: string[] = RULES.map((r) => r.id);
  const passed = [...passes.values()].sort((a, b) => order.indexOf(a.ruleId) - order.indexOf(b.ruleId));
  const merged = summarise(
    reports.flatMap((r) => r.findings),
    reports.flatMap((r) => r.waivers),
    passed,
    reports.flatMap((r) => r.sources),
    strict,
  );
  const signOff = reports.find((r) => r.signOff)?.signOff;
  const config = reports.find((r) => r.config)?.config;
  const matched = reports.find((r) => r.matched)?.matched;
  return { ...merged, ...(config ? { config } : {}), ...(signOff ? { signOff } : {}), ...(matched ? { matched } : {}) };
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
