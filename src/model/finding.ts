/** What a rule reports: a message at a place in its document. The engine adds the rule id, severity and source. */
export interface RawFinding {
  message: string;
  line: number;
  column: number;
  /** At most this severity, whatever the rule's configured one (a contradiction resting on capped evidence). */
  severity?: 'warning' | 'notice';
}

/** A finding at a place in a document. */
export function at(p: { line: number; column: number }, message: string): RawFinding {
  return { message, line: p.line, column: p.column };
}
