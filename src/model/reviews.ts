/**
 * What the action reads of a pull request's reviews, comments and the
 * description's edit history, as sign-off and `when` approvals weigh them;
 * and who signed off. Read by `signoff/read.ts`, judged by
 * `signoff/evaluate.ts`.
 */
/** Who last edited a review's or comment's text, when it was edited; `unknown` when the gate could not tell. */
export type Edited = { editor: string; at: string } | 'unknown';

export interface ReviewRecord {
  id?: number;
  login: string;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING, as the API says. */
  state: string;
  commitId: string | null;
  submittedAt: string | null;
  body: string;
  /** Absent: never edited. */
  edited?: Edited;
}

export interface CommentRecord {
  id?: number;
  login: string;
  createdAt: string;
  body: string;
  /** Absent: never edited. */
  edited?: Edited;
}

/** One version of the description and who wrote it. */
export interface Revision {
  editor: string;
  editedAt: string;
  body: string;
}

export type Authority = { kind: 'yes'; via: string } | { kind: 'no' } | { kind: 'unknown'; reason: string };

/** What the action reads from GitHub for sign-off and `when` approvals. */
export interface ReviewFacts {
  author: string;
  headSha: string;
  createdAt: string;
  reviews: ReviewRecord[];
  comments: CommentRecord[];
  /** The description's versions, oldest first; empty when it was never edited. */
  revisions: Revision[];
  /** False when older versions exist than those given. */
  historyComplete: boolean;
  /** For every login `loginsToCheck` names. */
  authority: ReadonlyMap<string, Authority>;
}

export interface SignOff {
  login: string;
  at: string;
  commit: string;
  /** Where the reviewer-owned sections were satisfied. */
  via: 'review' | 'comment' | 'description';
}
