/**
 * `runbook-linked`: the description's Runbook section links a runbook file
 * in the repository (a Markdown link or an inline-code path), or says `N/A`
 * with a reason. Applies when `pull-request.runbook.required` is true.
 *
 * Fails: `## Runbook` followed by `TBD`.
 * Message: `The "Runbook" section links no runbook file. Link one (\`docs/runbooks/x.md\`) or write "N/A — reason".`
 */
import type { PullRequestRule, RawFinding } from './rule.js';
import { runbookSection } from './runbook-links.js';

export const runbookLinked: PullRequestRule = {
  id: 'runbook-linked',
  target: 'pull-request',
  title: 'The description links its runbook',
  check({ doc, config }) {
    const spec = config.pullRequest.runbook;
    if (!spec.required) return undefined;
    const { section, links, waiver } = runbookSection(doc, config);
    const out: RawFinding[] = [];
    if (!section) {
      out.push({
        message: `Missing section "${spec.section}". Add "## ${spec.section}" with a link to the runbook file, or "N/A — reason".`,
        line: 1,
        column: 1,
      });
    } else if (links.length === 0 && waiver.kind === 'bare-na') {
      out.push({
        message: `The "${spec.section}" section says a bare "N/A". Say why no runbook is needed: "N/A — reason".`,
        line: section.line,
        column: section.column,
      });
    } else if (links.length === 0 && waiver.kind !== 'waived') {
      out.push({
        message: `The "${spec.section}" section links no runbook file. Link one (\`docs/runbooks/name.md\`) or write "N/A — reason".`,
        line: section.line,
        column: section.column,
      });
    }
    return out;
  },
};
