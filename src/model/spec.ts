/**
 * What a team asks of its documents, as the document kinds and the rules
 * read it: sections, checklist items, the runbook link, sign-off. The config
 * resolves into these; nothing here knows about YAML or presets.
 */
export type Severity = 'error' | 'warning' | 'notice';

/** A rule's severity, or `off`. */
export type Level = Severity | 'off';

export interface ItemSpec {
  label: string;
  aliases: string[];
}

export type Policy = 'all' | 'any' | 'one' | { 'at-least': number };

export interface SectionSpec {
  name: string;
  aliases: string[];
  items: ItemSpec[];
  /**
   * How many items must be ticked. Unset: every configured item, ticked or
   * waived. `one`: exactly one, an answer group (Yes / No). Set on a section
   * with no items: applied to every box in it (under `one`, its outermost
   * boxes: a box nested under an answer is a follow-up).
   */
  policy?: Policy;
  /**
   * Whether the section must hold written text (see `model/near-empty.ts`).
   * Resolved from the config: set, or `required` for a description section
   * without items and for every runbook section.
   */
  text: 'required' | 'optional';
}

/** The description's section that links a runbook. */
export interface RunbookLinkSpec {
  section: string;
  aliases: string[];
  required: boolean;
  /** The most linked runbooks read; more fail the gate. */
  maxLinks: number;
  /** URL prefixes of runbooks kept elsewhere (a wiki, another repository): linked, accepted, not checked. */
  external: string[];
  /** This repository, when the adapter knows it: a link to it by its GitHub URL is a file at the head commit. */
  repository?: Repository;
}

export interface Repository {
  /** `github.com`, or a GitHub Enterprise host. */
  host: string;
  owner: string;
  repo: string;
}

export interface SignOffSpec {
  /** Logins, and `org/team` slugs. */
  reviewers: string[];
  /** Sections whose boxes only a reviewer may tick, with the boxes each must hold. */
  sections: SectionSpec[];
  allowStaleApproval: boolean;
}

/** A `**Field**: value` a runbook must fill, optionally with one of some values. */
export interface FieldSpec {
  name: string;
  /** Accepted values, compared as heading keys (`Medium (customer-facing)` is Medium); empty: any value. */
  allowed: string[];
}

/**
 * What runbooks of one family must hold. `builtin` is the role document's
 * Runbook Template, with the rules written for it (risk level, steps,
 * health check, high risk); a team's own template gets the generic rules:
 * sections present and not empty, items, fields and placeholders.
 */
export interface RunbookTemplate {
  name: string;
  builtin: boolean;
  paths: string[];
  exclude: string[];
  sections: SectionSpec[];
  fields: FieldSpec[];
  /** Extra placeholder patterns: plain text, or `/regex/flags`. */
  placeholders: string[];
  /** The field holding the date of the last review, and how many days old it may be. */
  review?: { field: string; maxAgeDays: number };
  /**
   * One file with a section per alert: `sections` are held in the section
   * each alert's link names (`runbook.md#alert-name`), not in the file.
   */
  sectionsPerAlert?: true;
}

/** What a `when` entry asks of a pull request it matches. */
export interface Requirement {
  /** Checklist items that must be ticked; a waiver is not accepted. */
  items: string[];
  /** Sections that must be in the description. */
  sections: string[];
  /** A runbook must be linked (not N/A). */
  runbook: boolean;
  /** Paths or globs the pull request must change too, each matching a changed file. */
  changed: string[];
  /** Distinct approvals on the current head by these reviewers (logins, org/team slugs), never the author. */
  approvals: number;
  reviewers: string[];
}

/** Conditions of a `when` entry: all must hold; a list holds when any of its values does. Unset: not asked. */
export interface WhenEntry {
  name: string;
  changedFiles?: { paths: string[]; exclude: string[] };
  labels?: string[];
  baseBranches?: string[];
  authors?: string[];
  riskLevels?: string[];
  /** A glob on the pull request's title. */
  title?: string;
  /** Items of the description that must all be ticked: `Catalog upgrade > Yes`. */
  ticked?: string[];
  require: Requirement;
}

/** How alerts name their runbooks: the `alerts` config section. */
export interface AlertSpec {
  /** The annotations that may hold the runbook's URL, in order (`runbook_url`): the first an alert has is its runbook. */
  runbookAnnotations: string[];
  /** URL prefixes served from this repository, each with the folder the rest of the URL is in. */
  runbookUrls: { prefix: string; path: string }[];
  /** Allowed `labels.severity` values; empty: any. */
  severities: string[];
  /**
   * The config has an `alerts` section: the CLI with no files named then
   * audits the repository (every alert file, and runbooks no alert links).
   */
  configured: boolean;
}

/** The parts of a resolved config that say what documents must hold. */
export interface DocumentSettings {
  /** Proportional gates: what a pull request owes more, depending on what it changes. */
  when: WhenEntry[];
  /** Checklist item labels to the rules whose findings on changed files contradict a tick. */
  claims: Record<string, string[]>;
  /** Which changed deployment files (manifests, Dockerfiles, workflows) are checked, and how many a run. */
  evidence: { paths: string[]; exclude: string[]; maxFiles: number };
  pullRequest: {
    sections: SectionSpec[];
    runbook: RunbookLinkSpec;
    /** Template text that must not be left in a required section: plain text, or `/regex/flags`. */
    placeholders: string[];
    /** The pull-request template to read as the baseline: a path, `false` for none; absent, where GitHub looks. */
    template?: string | false;
  };
  /**
   * Runbook families, first match wins. A runbook the description links
   * that no template selects is checked against the first.
   */
  runbooks: { templates: RunbookTemplate[] };
  /** Alerting rules: the annotation that links a runbook, and the URL prefixes served from this repository. */
  alerts: AlertSpec;
  /** Which changed source files are read as code, in which languages, and how many a run. */
  code: { paths: string[]; exclude: string[]; languages: string[]; maxFiles: number };
  /** Services: how they are found, and what each tier requires of them (`services/model.ts`). */
  services: ServiceSettings;
  /** The day the run judges dates by (`runbook-review-due`), YYYY-MM-DD; set by the run, not the config. */
  today?: string;
  /** Present when only an authorised reviewer can make the gate pass. */
  signOff?: SignOffSpec;
}

/** How services are found and judged: `services` in the config. */
export interface ServiceSettings {
  /** Folder globs whose folders are a service each (`services/*`, `charts/*`), for workloads no catalog entity covers. */
  paths: string[];
  /** Globs of the files read for what services keep (catalogs, SLOs, dashboards, alert rules) beside the changed ones. */
  files: string[];
  /** Globs of files that are no service's, beside the built-in ones (tests, fixtures, vendored code). */
  exclude: string[];
  /** The labels an alert or SLO names its service by, in its labels or its queries' selectors. */
  matchLabels: string[];
  /** The annotations that point at a service's on-call (PagerDuty, Opsgenie). */
  oncallAnnotations: string[];
  /** Where a service's tier is read: `spec.lifecycle`, `annotation:<key>` or `label:<key>`. */
  tierFrom: string;
  /** Each tier's required checks. */
  tiers: Record<string, ('owner' | 'oncall' | 'slo' | 'alerts' | 'dashboard' | 'runbook')[]>;
  /** The tier of a service that says none, or one `tiers` does not name. */
  defaultTier: string;
  /** The tiers whose services a pull request changes owe an approving review by their owning CODEOWNERS team. */
  ownerApproval: string[];
  /** The most files read a run for services. */
  maxFiles: number;
}
