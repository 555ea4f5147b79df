/**
 * Opt-outs in deployment files: `# readiness-gate waive=<rule-id>: <reason>`.
 * One with a reason turns the rule off for the file (the report lists it as
 * a waiver); one without a reason is itself an error finding, whatever the
 * rule's severity, as a waiver without a reason is.
 */
import type { OptOut } from '../kinds/opt-out.js';
import type { RawFinding } from '../model/finding.js';

/**
 * Whether the file (or object) opts out of the rule; an opt-out without a
 * reason is reported into `out`, saying how to give one.
 */
export function optOut(
  optOuts: readonly OptOut[],
  ruleId: string,
  out: RawFinding[],
  how = `after a colon: "# readiness-gate waive=${ruleId}: why"`,
): boolean {
  const found = optOuts.find((o) => o.ruleId === ruleId);
  if (!found) return false;
  if (found.reason === '') {
    // An error, like a waiver without a reason, whatever the rule's own severity.
    out.push({
      message: `The opt-out of ${ruleId} gives no reason. Write it ${how}.`,
      line: found.line,
      column: 1,
      alwaysError: true,
    });
  }
  return true;
}
