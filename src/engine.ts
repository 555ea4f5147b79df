/**
 * The pure core: documents and a resolved config in, a report out. No I/O:
 * the CLI and the action read files or the API and hand over text, each file
 * with the kind the planning step gave it. Every kind and every rule is
 * looked up in its registry; nothing here knows one kind from another.
 */
import type { ResolvedConfig, Severity } from './config/types.js';
import { DESCRIPTION, isEvidence, kindById, type KindId } from './kinds/index.js';
import { BASE_PREFIX, type Companions, type Facts, type ProbeOverlays, type SeverityCap } from './kinds/kind.js';
import { PULL_REQUEST } from './kinds/pull-request.js';
import type { DocumentView } from './markdown/document.js';
import type { Finding, GateFindingId, Pass, Report } from './model/report.js';
import type { PullRequestFacts } from './model/conditions.js';
import type { RawFinding } from './model/finding.js';
import { partsOf } from './model/messages.js';
import { applyFixes } from './fix.js';
import { asRead, type LineMap } from './model/lines.js';
import type { TemplateFile } from './model/template.js';
import { RULES, type AnyRule, type RuleId } from './rules/index.js';
import type { MatchedEntry, RuleResult } from './rules/rule.js';
import { type ReadBound, type SourceFile, type Unread, fileKey } from './model/files.js';
import type { EvidenceFinding, Waiver } from './model/report.js';
import type { ReviewFacts, SignOff } from './model/reviews.js';

export { PULL_REQUEST };

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
  /** Every runbook the repository's alerts link, when the run read all its alerts (the CLI's audit). */
  alertRunbooks?: readonly string[];
  /** The overlays of the repository that take in each Kustomize base folder, and the probes they patch in (`ProbeOverlays`). */
  overlays?: ProbeOverlays;
  /** The repository's pull-request template the description was written from, at the base commit. */
  template?: TemplateFile;
  /** The lines each changed source file's diff touches, by path (`model/diff.ts changedLines`); a file absent is judged whole. */
  changedLines?: Readonly<Record<string, readonly number[]>>;
  /** Called as each document is about to be parsed and checked: a budgeted thread reports its progress. */
  onDocument?: (source: string) => void;
  /**
   * Try each fix a rule offers on its file before it is kept (`check --fix`,
   * review suggestions): one more check of the file a fix. Without it,
   * fixes are reported as the rules offer them, and nobody applies them.
   */
  verifyFixes?: boolean;
}

/** What one call of `check` gathers as it goes, document by document. */
interface Run {
  readonly config: ResolvedConfig;
  readonly facts: Facts;
  readonly findings: Finding[];
  readonly waivers: Waiver[];
  readonly passes: Map<string, Pass>;
  /** Documents in the order they were checked. */
  readonly sources: string[];
  /** Parsed documents kept for the description's rules (its linked runbooks), when there is a description. */
  readonly views: Map<string, unknown> | undefined;
  signOff?: SignOff;
  matched?: MatchedEntry[];
  onDocument?: (source: string) => void;
  /** Whether a fix a rule offers is tried on the document before it is kept; off for the trial's own check. */
  readonly verifyFixes: boolean;
  /** Documents their parser read with an error (YAML that does not parse), and the error: a fix must not bring one. */
  readonly broken: Map<string, string>;
}

export function check(input: CheckInput): Report {
  const files = new Map(input.files.map((file) => [fileKey(file), file]));
  const views = input.description !== undefined ? new Map<string, unknown>() : undefined;
  const run: Run = {
    config: input.config,
    facts: {
      files,
      ...(views ? { views } : {}),
      ...(input.reviews ? { reviews: input.reviews } : {}),
      ...(input.pullRequest ? { pullRequest: input.pullRequest } : {}),
      ...(input.template ? { template: input.template } : {}),
      ...(input.alertRunbooks ? { alertRunbooks: new Set(input.alertRunbooks.map((p) => p.toLowerCase())) } : {}),
      ...(input.overlays ? { overlays: input.overlays } : {}),
      ...(input.changedLines
        ? { changedLines: new Map(Object.entries(input.changedLines).map(([p, lines]) => [p, new Set(lines)])) }
        : {}),
    },
    findings: [],
    waivers: [],
    passes: new Map(),
    sources: [],
    views,
    ...(input.onDocument ? { onDocument: input.onDocument } : {}),
    verifyFixes: input.verifyFixes === true,
    broken: new Map(),
  };
  for (const file of files.values()) if (!file.companion) checkFile(run, file);
  run.findings.push(...notReadFindings([...files.values()]));
  // The description is checked last, so its rules can weigh what the files showed (a ticked claim
  // the change contradicts); it is still the first document of the report.
  checkDescription(run, input);
  return report(run);
}

/** A gate finding: an error of the gate itself, at the top of its document. */
export function gateFinding(ruleId: GateFindingId, source: string, message: string, kind?: KindId): Finding {
  return { ruleId, severity: 'error', message, source, ...(kind ? { kind } : {}), line: 1, column: 1 };
}

const tooComplex = (source: string, kind: KindId, reason: string): Finding =>
  gateFinding(
    'document-too-complex',
    source,
    `Too complex to check: ${reason}. Simplify its structure (fewer nesting levels, shorter runs of markup); the gate fails until it can check it.`,
    kind,
  );

/** A fault of the gate on one document: that document fails, the others are still checked and the verdict published. */
const fault = (source: string, kind: KindId, doing: string, error: unknown): Finding =>
  gateFinding(
    'gate-fault',
    source,
    `The gate failed while ${doing} (${error instanceof Error ? error.message : String(error)}). This is a fault in readiness-gate, not in the document: please report it with the file. The gate fails until it can check it.`,
    kind,
  );

/** One file: parsed and checked, or the finding that says why it could not be. Over-limit files are counted later. */
function checkFile(run: Run, file: KindedFile): void {
  const { unread } = file;
  if (unread?.kind === 'over-limit') return;
  if (unread) {
    run.sources.push(file.path);
    run.findings.push(
      unread.kind === 'too-complex'
        ? tooComplex(file.path, file.kind, unread.reason)
        : gateFinding(
            'document-unreadable',
            file.path,
            `Could not read ${file.path}: ${unread.reason}. The gate fails until it can read every document it checks${isEvidence(file.kind) ? ': a deployment file it need not check (generated, vendored, a large CRD) can be left out with `evidence.exclude`' : ''}.`,
            file.kind,
          ),
    );
    return;
  }
  if (file.text === undefined) return;
  const { lineBreaks } = kindById(file.kind);
  // Parsed as the tool that consumes the file reads its lines; reported in Git's.
  const { text, map } = lineBreaks ? asRead(file.text, lineBreaks) : { text: file.text };
  const from = run.findings.length;
  const waivedFrom = run.waivers.length;
  const view = parse(run, file.kind, file.path, text, file.text);
  const error = (view as { error?: { message?: unknown } } | undefined)?.error;
  if (error) run.broken.set(file.path, String(error.message ?? error));
  if (view !== undefined) checkView(run, file.kind, file.path, view);
  if (map) {
    for (let i = from; i < run.findings.length; i++) run.findings[i] = inGitLines(run.findings[i]!, map);
    for (let i = waivedFrom; i < run.waivers.length; i++) {
      run.waivers[i] = { ...run.waivers[i]!, line: map.position(run.waivers[i]!.line, 1).line };
    }
  }
  if (run.verifyFixes) verifyFixes(run, file, from);
}

/** A finding at a parser's position, at the file's; its fix dropped when it cannot be said in the file's lines. */
function inGitLines(finding: Finding, map: LineMap): Finding {
  const { fix, ...rest } = finding;
  const fixed = fix && map.fix(fix);
  return { ...rest, ...map.position(finding.line, finding.column), ...(fixed ? { fix: fixed } : {}) };
}

/** The fixes tried on one document at most: past it, findings are reported without a fix this time. */
const MAX_FIX_TRIALS = 20;

/**
 * Each fix a rule offers on this file, tried before it is kept: applied to
 * the file's text, the file is checked again, and the fix stays only when
 * its rule finds less and no other rule finds more. A heading inserted
 * into an unclosed code fence fixes nothing, and is not offered.
 */
function verifyFixes(run: Run, file: KindedFile, from: number): void {
  const counts = (findings: readonly Finding[]) => {
    const by = new Map<string, number>();
    for (const f of findings) by.set(f.ruleId, (by.get(f.ruleId) ?? 0) + 1);
    return by;
  };
  const own = run.findings.slice(from).filter((f) => f.source === file.path);
  const before = counts(own);
  const said = (findings: readonly Finding[], f: Finding) =>
    findings.filter((g) => g.ruleId === f.ruleId && g.message === f.message).length;
  let trials = 0;
  for (let i = from; i < run.findings.length; i++) {
    const finding = run.findings[i]!;
    if (!finding.fix || finding.source !== file.path) continue;
    const { fix, ...withoutFix } = finding;
    if (trials++ >= MAX_FIX_TRIALS || file.text === undefined) {
      run.findings[i] = { ...withoutFix, unfixed: `more fixes than the ${MAX_FIX_TRIALS} tried a run on one file` };
      continue;
    }
    const tried = trial(run, file, applyFixes(file.text, [fix]).text);
    const after = counts(tried.findings);
    const leaves = RULE_BY_ID.get(finding.ruleId)?.fixLeaves ?? [];
    // What it fixes is said no more, its rule finds less, no other rule finds more, and the file still parses.
    const breaks = tried.broken !== undefined && !run.broken.has(file.path);
    const more = [...after].find(([ruleId, n]) => n > (before.get(ruleId) ?? 0) && !leaves.includes(ruleId));
    const why = breaks
      ? `a fix after which it would not parse (${tried.broken})`
      : said(tried.findings, finding) >= said(own, finding) ||
          (after.get(finding.ruleId) ?? 0) >= before.get(finding.ruleId)!
        ? `a fix that leaves what ${finding.ruleId} found`
        : more
          ? `a fix after which ${more[0]} finds more`
          : undefined;
    if (why) run.findings[i] = { ...withoutFix, unfixed: why };
  }
}

/** The findings on one file with other text, as this run would report them, fixes untried; and whether it parses. */
function trial(run: Run, file: KindedFile, text: string): { findings: Finding[]; broken?: string } {
  const shadow: Run = {
    ...run,
    findings: [],
    waivers: [],
    passes: new Map(),
    sources: [],
    views: undefined,
    verifyFixes: false,
    broken: new Map(),
  };
  delete shadow.onDocument;
  checkFile(shadow, { ...file, text });
  const broken = shadow.broken.get(file.path);
  return { findings: shadow.findings.filter((f) => f.source === file.path), ...(broken ? { broken } : {}) };
}

/**
 * Parses a document (`text` as its parser reads it, `own` as the file holds
 * it); a parser that overflows its stack on hostile nesting makes it too
 * complex, not a crash.
 */
function parse(run: Run, kind: KindId, path: string, text: string, own = text): unknown {
  run.onDocument?.(path);
  try {
    return kindById(kind).parse(text, path, companionsOf(kind, path, own, run.facts.files));
  } catch (error) {
    run.sources.push(path);
    run.findings.push(
      error instanceof RangeError
        ? tooComplex(path, kind, 'it nests too deeply to parse')
        : fault(path, kind, 'parsing it', error),
    );
    return undefined;
  }
}

/** Every rule of the document's kind over its view: findings stamped, passes and waivers recorded. */
function checkView(run: Run, kindId: KindId, path: string, view: unknown): void {
  const kind = kindById(kindId);
  run.sources.push(path);
  // Kept only for a description to read (its linked runbooks); without one, each tree can go once checked.
  run.views?.set(path, view);
  // A cap may depend on the rule (an overlay that patches probes back caps the probe rules alone).
  const cap = kind.cap ? (ruleId: string) => kind.cap!(view, run.facts, ruleId) : () => undefined;
  if (kind.waivers) run.waivers.push(...kind.waivers(view, run.config, run.facts));
  try {
    runRules(run, kindId, path, view, cap);
  } finally {
    kind.dispose?.(view);
  }
}

function runRules(
  run: Run,
  kindId: KindId,
  path: string,
  view: unknown,
  cap: (ruleId: string) => SeverityCap | undefined,
): void {
  const context = kindById(kindId).context(view, path, run.config, run.facts);
  for (const rule of RULES as readonly AnyRule[]) {
    if (rule.kind !== kindId) continue;
    const severity = run.config.rules[rule.id];
    if (severity === 'off') continue;
    let outcome: ReturnType<typeof normalise>;
    try {
      outcome = normalise((rule.check as (c: unknown) => RuleResult)(context));
    } catch (error) {
      run.findings.push(fault(path, kindId, `checking ${rule.id}`, error));
      continue;
    }
    if (!outcome) continue;
    if (outcome.signOff) run.signOff = outcome.signOff;
    if (outcome.matched) run.matched = outcome.matched;
    if (outcome.findings.length === 0) {
      const pass = run.passes.get(rule.id) ?? { ruleId: rule.id, title: rule.title, sources: [] };
      pass.sources.push(path);
      run.passes.set(rule.id, pass);
    }
    const capped = rule.ignoresCap ? undefined : cap(rule.id);
    for (const f of outcome.findings) run.findings.push(stamp(rule.id, severity, path, kindId, f, capped));
  }
}

/** One finding per bound that left planned files unread: the gate names them and fails closed. */
function notReadFindings(files: readonly KindedFile[]): Finding[] {
  const over = new Map<string, { bound: ReadBound; paths: string[] }>();
  for (const file of files) {
    if (file.companion || file.unread?.kind !== 'over-limit') continue;
    const { bound } = file.unread;
    const group = over.get(bound.what) ?? { bound, paths: [] };
    group.paths.push(file.path);
    over.set(bound.what, group);
  }
  return [...over.values()].map(({ bound, paths }) => {
    const list = `${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}`;
    const setting = bound.setting ? ` (\`${bound.setting}\`)` : '';
    return gateFinding(
      'document-unreadable',
      PULL_REQUEST,
      `${paths.length} ${bound.what} were not read: the gate reads at most ${bound.max} a run${setting}. Not read: ${list}. ${bound.advice}`,
      DESCRIPTION,
    );
  });
}

/** The deployment files (and source files) among these that were read, and so weighed as evidence. */
export function evidenceSourcesOf(files: readonly KindedFile[]): string[] {
  return files
    .filter(
      (f) => !f.companion && f.text !== undefined && !f.unread && (isEvidence(f.kind) || kindById(f.kind).weighed),
    )
    .map((f) => f.path);
}

/** The description, with the findings on the files (this call's and other calls') as evidence for its claims. */
function checkDescription(run: Run, input: CheckInput): void {
  const { description } = input;
  if (description === undefined) return;
  const own = run.findings.filter((f) => f.source !== PULL_REQUEST);
  run.facts.evidence = [...(input.evidence ?? []), ...own];
  run.facts.evidenceSources = [...(input.evidenceSources ?? []), ...evidenceSourcesOf(input.files)];
  if (typeof description === 'string') {
    const doc = parse(run, DESCRIPTION, PULL_REQUEST, description);
    if (doc !== undefined) checkView(run, DESCRIPTION, PULL_REQUEST, doc);
  } else if ('kind' in description) {
    run.sources.push(PULL_REQUEST);
    run.findings.push(
      tooComplex(PULL_REQUEST, DESCRIPTION, 'reason' in description ? description.reason : description.kind),
    );
  } else {
    run.onDocument?.(PULL_REQUEST);
    checkView(run, DESCRIPTION, PULL_REQUEST, description);
  }
}

/** The run's report: the description first, passes in rule order, waivers in document order. */
function report(run: Run): Report {
  const { sources } = run;
  if (sources.includes(PULL_REQUEST))
    sources.splice(0, sources.length, PULL_REQUEST, ...sources.filter((x) => x !== PULL_REQUEST));
  const rank = (w: Waiver) => sources.indexOf(w.source);
  run.waivers.sort((a, b) => rank(a) - rank(b));
  const summary = summarise(run.findings, run.waivers, inRuleOrder(run.passes.values()), sources, run.config.strict);
  return {
    ...summary,
    config: run.config.source,
    ...(run.signOff ? { signOff: run.signOff } : {}),
    ...(run.matched?.length ? { matched: run.matched } : {}),
  };
}

const RULE_ORDER = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
const RULE_BY_ID = new Map<string, AnyRule>(RULES.map((r) => [r.id, r]));
const inRuleOrder = (passes: Iterable<Pass>): Pass[] =>
  [...passes].sort((a, b) => RULE_ORDER.get(a.ruleId)! - RULE_ORDER.get(b.ruleId)!);

function normalise(
  outcome: RuleResult,
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
  const own = f.alwaysError ? 'error' : lower(configured, f.severity);
  const severity = f.alwaysError ? 'error' : lower(own, cap?.severity);
  const suffix = severity === own ? '' : ` (At most a ${severity}: ${cap!.why}.)`;
  const message = `${f.message}${suffix}`;
  // The rule's words told from the data in them, for a report that renders its own words as Markdown.
  const parts = partsOf(f.message);
  return {
    ruleId,
    severity,
    message,
    source,
    kind,
    line: f.line,
    column: f.column,
    ...(cap && !f.alwaysError ? { capped: cap.why } : {}),
    ...(f.related ? { related: f.related } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
    ...(parts ? { parts: suffix === '' ? parts : [...parts, { text: suffix, data: true as const }] } : {}),
    ...(f.gather
      ? {
          gather:
            severity === own
              ? f.gather
              : { ...f.gather, tail: `${f.gather.tail} (At most a ${severity}: ${cap!.why}.)` },
        }
      : {}),
  };
}

/** The companion files of a document, as its kind asked for them: text, null when absent; unread ones left out. */
function companionsOf(kind: KindId, path: string, text: string, files: ReadonlyMap<string, SourceFile>): Companions {
  const found = new Map<string, string | null>();
  if (kindById(kind).readsAll) {
    // Every other file at the head, whether checked or read for the others; those read at the base commit under
    // their path with BASE_PREFIX before it (the document's own too).
    for (const file of files.values()) {
      if (file.unread || file.text === undefined) continue;
      if ((file as KindedFile).fromBase) found.set(`${BASE_PREFIX}${file.path}`, file.text);
      else if (file.path !== path) found.set(file.path, file.text);
    }
    return found;
  }
  const wanted = kindById(kind).companions?.(path, text) ?? [];
  for (const companion of wanted) {
    const file = files.get(fileKey(companion));
    if (!file || file.unread) continue;
    found.set(companion.path, file.text ?? null);
  }
  return found;
}

/** One report from reports over disjoint documents, in the order given. */
export function mergeReports(reports: Report[], strict: boolean): Report {
  const passes = new Map<string, Pass>();
  for (const report of reports) {
    for (const pass of report.passed) {
      const merged = passes.get(pass.ruleId);
      if (merged) merged.sources.push(...pass.sources);
      else passes.set(pass.ruleId, { ...pass, sources: [...pass.sources] });
    }
  }
  const passed = inRuleOrder(passes.values());
  const merged = summarise(
    reports.flatMap((r) => r.findings),
    reports.flatMap((r) => r.waivers),
    passed,
    [...new Set(reports.flatMap((r) => r.sources))],
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
