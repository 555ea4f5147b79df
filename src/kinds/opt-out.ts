/**
 * Opt-outs in deployment files: a comment `# readiness-gate waive=<rule-id>:
 * <reason>` in a file whose comments start with `#` (a Dockerfile, a YAML
 * workflow), or an annotation on a Kubernetes object. Read here; the rules
 * apply them (`rules/opt-out.ts`), and the kinds list those with a reason as
 * waivers.
 */
import { nearEmpty } from '../model/near-empty.js';
import type { Waiver } from '../model/report.js';

export interface OptOut {
  ruleId: string;
  reason: string;
  line: number;
}

const OPT_OUT = /^#\s*readiness-gate\s+waive=([a-z0-9-]+)\s*(?::\s*(.*))?$/i;

/** A reason as given, or '' when it says nothing: punctuation alone (`-`, `.`), N/A, TBD, TODO, FIXME. */
export function reasonOf(text: string): string {
  const reason = text.trim();
  return nearEmpty(reason) ? '' : reason;
}

/** Opt-out comments of a file whose comments start with `#`. */
export function readOptOuts(text: string): OptOut[] {
  const out: OptOut[] = [];
  text.split('\n').forEach((raw, i) => {
    const match = OPT_OUT.exec(raw.trim());
    if (match) out.push({ ruleId: match[1]!.toLowerCase(), reason: reasonOf(match[2] ?? ''), line: i + 1 });
  });
  return out;
}

/** Opt-outs with a reason, as the report's waivers. */
export function optOutWaivers(path: string, optOuts: readonly OptOut[]): Waiver[] {
  return optOuts
    .filter((o) => o.reason !== '')
    .map((o) => ({ source: path, section: o.ruleId, label: o.ruleId, reason: o.reason, line: o.line }));
}
