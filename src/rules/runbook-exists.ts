/**
 * `runbook-exists`: every runbook the description links exists in the
 * repository (at the pull request's head).
 *
 * Fails: `[runbook](docs/runbooks/missing.md)` with no such file.
 * Message: `Linked runbook "docs/runbooks/missing.md" does not exist. Add the file in this pull request or fix the link.`
 */
import type { PullRequestRule, RawFinding } from './rule.js';
import { runbookSection } from './runbook-links.js';

export const runbookExists: PullRequestRule = {
  id: 'runbook-exists',
  target: 'pull-request',
  title: 'Every linked runbook exists',
  check({ doc, config, runbooks }) {
    const { links } = runbookSection(doc, config);
    if (links.length === 0) return undefined;
    const out: RawFinding[] = [];
    for (const link of links) {
      if (runbooks.get(link.path)?.text !== undefined) continue;
      out.push({
        message: `Linked runbook "${link.path}" does not exist. Add the file in this pull request or fix the link.`,
        line: link.line,
        column: link.column,
      });
    }
    return out;
  },
};
