/**
 * What a rule is: one object with its metadata beside its check, as eslint's
 * rules carry `meta`. The rule list (`rules/index.ts`) is the one source for
 * rule ids, the presets' severities, the config schema's rule keys and the
 * rules table (docs/configuration.md); each rule's `examples` run as tests, so what a rule
 * documents is what it does.
 *
 * A rule reports where and what; the engine stamps on the rule id, the
 * configured severity and the source. What it says is declared once, in
 * `messages` by id, as eslint's `meta.messages`: the check writes a message
 * with `say(id, data)`, and the examples name the id and the data, so the
 * wording lives in one place.
 */
import type { ContextOf, KindId } from '../kinds/index.js';
import type { MatchedEntry, PullRequestFacts } from '../model/conditions.js';
import type { RawFinding } from '../model/finding.js';
import type { Level } from '../model/spec.js';
import { formatMessage, type MessageData, type Messages } from '../model/messages.js';
import type { ReviewFacts, SignOff } from '../model/reviews.js';

/**
 * A check returns its findings, or `undefined` when the rule does not apply
 * to the document (no Operations Review, a runbook below High risk): only a
 * rule that applied and found nothing is listed as a passing check. A rule
 * that establishes who signed off says so beside its findings.
 */
export type RuleResult =
  RawFinding[] | undefined | { findings: RawFinding[]; signOff?: SignOff; matched?: MatchedEntry[] };

export type { MatchedEntry } from '../model/conditions.js';

/** An example's finding: where, the message's id and its data. */
export interface ExampleFinding<M extends string = string> {
  /** `line:column`. */
  at: `${number}:${number}`;
  id: M;
  data?: MessageData;
}

export interface RuleExample<M extends string = string> {
  /** What the example shows. */
  name: string;
  /** A document of the rule's kind. */
  text: string;
  /** Its path in the repository, for kinds that read it (default: `docs/runbooks/example.md`). */
  path?: string;
  /** A config file (YAML) for the example; the built-in devops rules when absent. */
  config?: string;
  /** Other files of the repository at the head commit, by path (e.g. a linked runbook). */
  files?: Record<string, string>;
  /** The repository's pull-request template (at `.github/pull_request_template.md`), for a description's rules. */
  template?: string;
  /** Files at the base commit only, by path (the example's own file as it was, for a rule that compares). */
  base?: Record<string, string>;
  /** What the action read for sign-off. */
  reviews?: ReviewFacts;
  /** What the adapter knows of the pull request: changed files, labels, base branch, author, title. */
  pullRequest?: PullRequestFacts;
  /** The day the run judges dates by, YYYY-MM-DD. */
  today?: string;
  /** Every runbook the repository's alerts link, for a run that read all its alerts. */
  alertRunbooks?: string[];
  /** The rule's findings, by message id and data; none for an example that passes. */
  findings: ExampleFinding<M>[];
}

export interface Rule<K extends KindId = KindId, Id extends string = string, M extends string = string> {
  id: Id;
  /** The kind of document the rule reads. */
  kind: K;
  /** What a pass means, shown in the report's list of passing checks. */
  title: string;
  /** What the rule checks, in one line (the rules table). */
  description: string;
  /**
   * What the rule finds stays true whatever may patch the document (a secret
   * committed to Git), so its kind's cap (a Kustomize overlay) never lowers it.
   */
  ignoresCap?: true;
  /** Severity under each preset: `devops` (the default) and `none` (only what the config sets up). */
  defaultSeverity: { devops: Level; none: Level };
  /** What the rule says, by id (`model/messages.ts`): its examples name the id and the data. */
  messages: Messages<M>;
  /** The rule offers fixes for some of its findings: `check --fix`, and review suggestions. */
  fixable?: true;
  /**
   * Rules whose findings a fix of this rule leaves on purpose: a section put
   * in its place is still empty until its author writes it. A fix is kept
   * only when its rule finds less and no other rule finds more, these
   * aside.
   */
  fixLeaves?: string[];
  examples: RuleExample<NoInfer<M>>[];
  check(ctx: ContextOf<K>): RuleResult;
}

/** A rule, with its id kept as a literal type so the list of rules yields the union of ids. */
export function defineRule<const Id extends string, K extends KindId, M extends string>(
  rule: Rule<K, Id, M>,
): Rule<K, Id, M> {
  return rule;
}

/** An example's findings as the rule reports them: `line:column message`. */
export function exampleFindings(rule: Pick<Rule, 'messages'>, example: Pick<RuleExample, 'findings'>): string[] {
  return example.findings.map((f) => {
    const template = rule.messages[f.id];
    if (template === undefined)
      throw new Error(`an example names the message "${f.id}", which its rule does not declare`);
    return `${f.at} ${formatMessage(template, f.data)}`;
  });
}
