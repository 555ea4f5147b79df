/**
 * What a run says: findings, waivers, passing checks and the verdict. The
 * engine writes it, `report/` renders it and the adapters publish it; this
 * is the model every layer above the rules speaks.
 */
import type { Fix, Gather } from './finding.js';
import type { MessagePart } from './messages.js';
import type { MatchedEntry } from './conditions.js';
import type { SignOff } from './reviews.js';
import type { Severity } from './spec.js';
import type { ServiceFacts } from './service-facts.js';

/**
 * Findings of the gate itself, not of a rule: always errors, never turned
 * off, so the gate fails closed when it cannot read its config, a document
 * it should check, or what it needs besides (the changed files, reviews).
 * `gate-fault` is a fault of the gate itself on one document (a rule or
 * parser that threw): that document fails. `run-over-budget` names what the
 * run's time budget left unchecked.
 */
export const GATE_FINDINGS = [
  'config-invalid',
  'document-unreadable',
  'document-too-complex',
  'read-failed',
  'run-over-budget',
  'gate-fault',
] as const;

export type GateFindingId = (typeof GATE_FINDINGS)[number];

export interface Finding {
  /** A rule's id (`rules/index.ts`), or one of GATE_FINDINGS. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** A repository path, or `pull-request` for the description. */
  source: string;
  /** The kind of document the source was read as; absent for the config file. */
  kind?: string;
  line: number;
  column: number;
  /** Why the finding is at most a warning: its document's cap (an overlay may patch the file). */
  capped?: string;
  /** The line of another document the finding rests on. */
  related?: { source: string; line: number };
  /** A change to the source's lines that fixes it: `check --fix`. */
  fix?: Fix;
  /** Why the fix its rule offered was not kept: tried on the file, it did not fix it, or made it worse. */
  unfixed?: string;
  /** Findings alike but for one name: the Markdown report says them in one line. */
  gather?: Gather;
  /** The message as the rule's words and the data put in them, where the report knows (`messages.ts`). */
  parts?: MessagePart[];
}

/** A finding on a file, as the description's rules see it. */
export interface EvidenceFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'notice';
  /** Set when the document's cap lowered the finding: it is evidence, but not conclusive. */
  capped?: string;
  message: string;
  source: string;
  line: number;
}

/** An item left unticked on purpose, with its reason: listed in the report. */
export interface Waiver {
  source: string;
  section: string;
  label: string;
  reason: string;
  line: number;
  /** Findings on the changed files that bear on a waived claim (`claims`), listed beside the waiver. */
  evidence?: { ruleId: string; source: string; line: number }[];
}

export interface Pass {
  ruleId: string;
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
  /** Why the pull request was passed without being checked (a skip label, a draft, only docs changed). */
  skipped?: string;
  /** Files the CLI found under a named folder, or was named, and did not check, with why. */
  notChecked?: NotChecked[];
  /** The services the change touches, and their readiness facts (`services/facts.ts`), when the repository describes services. */
  services?: ServiceFacts[];
}

export interface NotChecked {
  path: string;
  reason: string;
}
