/**
 * `runbook-section-empty`: no required runbook section is empty: a heading
 * followed only by other headings or HTML comments does not count.
 *
 * Fails: `## Known Issues` directly followed by the next `##` heading.
 * Message: `Section "Known Issues" is empty. Write its content, or "None known" where that is the truth.`
 */
import { findSection } from '../markdown/document.js';
import { keysOf } from '../markdown/heading.js';
import { at, type RawFinding, type RunbookRule } from './rule.js';

export const runbookSectionEmpty: RunbookRule = {
  id: 'runbook-section-empty',
  target: 'runbook',
  title: 'No required runbook section is empty',
  check({ doc, config }) {
    const out: RawFinding[] = [];
    for (const spec of config.runbooks.sections) {
      const section = findSection(doc, keysOf(spec));
      if (!section || section.hasContent) continue;
      out.push(
        at(section, `Section "${spec.name}" is empty. Write its content, or "None known" where that is the truth.`),
      );
    }
    return out;
  },
};
