/**
 * `section-required`: every configured pull-request section has a heading.
 *
 * Fails: a description without `## Monitoring` under the devops preset.
 * Message: `Missing section "Monitoring". Add a "## Monitoring" heading with its checklist.`
 */
import { matchSections } from './checklist.js';
import type { PullRequestRule, RawFinding } from './rule.js';

export const sectionRequired: PullRequestRule = {
  id: 'section-required',
  target: 'pull-request',
  title: 'Every required section is present',
  check({ doc, config }) {
    const out: RawFinding[] = [];
    for (const match of matchSections(doc, config.pullRequest.sections)) {
      if (match.section) continue;
      const what = match.spec.items.length ? ' with its checklist' : '';
      out.push({
        message: `Missing section "${match.spec.name}". Add a "## ${match.spec.name}" heading${what}.`,
        line: 1,
        column: 1,
      });
    }
    return out;
  },
};
