/** What a rule reports: a message at a place in its document. The engine adds the rule id, severity and source. */
export interface RawFinding {
  message: string;
  line: number;
  column: number;
  /** At most this severity, whatever the rule's configured one (a contradiction resting on capped evidence). */
  severity?: 'warning' | 'notice';
  /**
   * An error whatever the rule's severity or its document's cap: an opt-out
   * without a reason would otherwise turn a warning-level rule off for free.
   */
  alwaysError?: true;
  /** The line of another document the finding rests on (the evidence behind a contradiction), linked in reports. */
  related?: { source: string; line: number };
  /** A change to the document's lines that fixes it (`check --fix`), when the rule can tell one. */
  fix?: Fix;
  /** Findings alike but for one name (the unticked boxes of one section), which a report may say in one line. */
  gather?: Gather;
}

/**
 * What findings alike share: a key, and the one line that says them all,
 * `lead` then their names, each at its line, then `tail` (`Not ticked in
 * "Monitoring": ` … `. Tick each once done, …`); `name` is this one's.
 */
export interface Gather {
  key: string;
  name: string;
  lead: string;
  tail: string;
}

/** The gather of a finding whose gathered message holds `{{names}}`, as `say` wrote it. */
export function gatherOf(key: string, name: string, said: string): Gather {
  // The last: a section's own name cannot push the names out of place.
  const at = said.lastIndexOf(NAMES);
  if (at < 0) return { key, name, lead: said, tail: '' };
  return { key, name, lead: said.slice(0, at), tail: said.slice(at + NAMES.length) };
}

/** The data that stands for the names in a gathered message. */
export const NAMES = '{{names}}';

/**
 * A change to a file's lines: `text` replaces lines `line` to `endLine`, or,
 * without `endLine`, goes in after line `line` (0: before the first line),
 * nothing replaced. `text` holds whole lines, without a final line break.
 */
export interface Fix {
  line: number;
  endLine?: number;
  text: string;
}

/** A finding at a place in a document. */
export function at(p: { line: number; column: number }, message: string): RawFinding {
  return { message, line: p.line, column: p.column };
}
