/**
 * Opt-outs in deployment files: `# readiness-gate waive=<rule-id>: <reason>`.
 * One with a reason turns the rule off for the file (the report lists it as
 * a waiver); one without a reason is itself an error finding, whatever the
 * rule's severity, as a waiver without a reason is.
 */
import type { OptOut } from '../kinds/opt-out.js';
import type { RawFinding } from '../model/finding.js';
import { sayer } from '../model/messages.js';

/** What a rule that reads opt-out comments says of one without a reason: such a rule declares it with its own. */
export const COMMENT_OPT_OUT = {
  optOutNoReason:
    'The opt-out of {{rule}} gives no reason. Write it after a colon: "# readiness-gate waive={{rule}}: why".',
};

/** What a rule that reads opt-out annotations (on a Kubernetes object) says of one without a reason. */
export const ANNOTATION_OPT_OUT = {
  annotationNoReason:
    'The opt-out of {{rule}} gives no reason. Write it as the value of the annotation readiness-gate.io/waive.{{rule}}.',
};
const say = sayer({ ...COMMENT_OPT_OUT, ...ANNOTATION_OPT_OUT });

/**
 * Whether the file (or object) opts out of the rule; an opt-out without a
 * reason is reported into `out`, saying how to give one.
 */
export function optOut(
  optOuts: readonly OptOut[],
  ruleId: string,
  out: RawFinding[],
  /** Where the reason goes: after the comment's colon, or in the object's annotation. */
  form: 'comment' | 'annotation' = 'comment',
): boolean {
  const found = optOuts.find((o) => o.ruleId === ruleId);
  if (!found) return false;
  if (found.reason === '') {
    // An error, like a waiver without a reason, whatever the rule's own severity.
    out.push({
      message: say(form === 'comment' ? 'optOutNoReason' : 'annotationNoReason', { rule: ruleId }),
      line: found.line,
      column: 1,
      alwaysError: true,
    });
  }
  return true;
}
