import type { RuleId } from '../rules/ids.js';

export type Severity = 'error' | 'warning' | 'notice';

export interface ItemSpec {
  label: string;
  aliases: string[];
}

export type Policy = 'all' | 'any' | { 'at-least': number };

export interface SectionSpec {
  name: string;
  aliases: string[];
  items: ItemSpec[];
  policy: Policy;
}

/** Configuration after the preset and the file are merged; what rules read. */
export interface ResolvedConfig {
  strict: boolean;
  rules: Record<RuleId, Severity | 'off'>;
  pullRequest: {
    sections: SectionSpec[];
    runbook: { section: string; aliases: string[]; required: boolean };
  };
  runbooks: { paths: string[]; exclude: string[]; sections: SectionSpec[] };
  skip: { labels: string[]; authors: string[]; drafts: boolean };
  /** Present when only an authorised reviewer can make the gate pass. */
  signOff?: SignOffConfig;
}

export interface SignOffConfig {
  /** Logins, and `org/team` slugs. */
  reviewers: string[];
  /** Sections whose boxes only a reviewer may tick. */
  sections: string[];
  allowStaleApproval: boolean;
}
