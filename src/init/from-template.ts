/**
 * `readiness-gate init --from-template`: a config made from the pull-request
 * template a team already has, so the gate checks the description against
 * that template from the first run.
 *
 * - Each heading is a section; one of prose is required text (what the
 *   template wrote there is not the author's: `section-text` subtracts it).
 * - A section's boxes are answered by a policy over all of them: a list the
 *   template asks to pick one of is `policy: one`; other lists of two or
 *   more boxes are `policy: any` (a team that needs every box ticked says
 *   `all`, or lists the items); a lone box is an optional answer.
 * - Inline option lists and field lines are the template's own questions:
 *   `template-choice` and `template-field` are switched on for them.
 * - The config names the template it was made from (`pull-request.template`).
 */
import { stringify } from 'yaml';
import { parseDocument, type Section, type TaskItem } from '../markdown/document.js';
import { readTemplate, type TemplateFile } from '../model/template.js';
import { PROJECT_URL } from '../version.js';

interface SectionEntry {
  name: string;
  policy?: 'one' | 'any';
  text?: 'optional';
}

/** Before a list, what asks for one answer only. */
const PICK_ONE = /\b(?:pick|choose|select|tick|check)\s+(?:only\s+)?one\b|\bone of the following\b|\bexactly one\b/i;

export function configFromTemplate(file: TemplateFile): string {
  const doc = parseDocument(file.text);
  const template = readTemplate(file);
  const deepest = (item: TaskItem): Section | undefined =>
    doc.sections.filter((s) => item.offset >= s.contentStart && item.offset < s.end).at(-1);
  const sections: SectionEntry[] = doc.sections.map((section) => {
    const boxes = doc.items.filter((item) => item.nesting === 0 && deepest(item) === section);
    if (boxes.length === 0) return { name: section.title };
    if (boxes.length === 1) return { name: section.title, text: 'optional' as const };
    const before = doc.source.slice(section.contentStart, boxes[0]!.offset);
    const policy = PICK_ONE.test(before) ? ('one' as const) : ('any' as const);
    // The policy covers every box of the section, as the template has them: no list of labels to drift from it.
    return { name: section.title, policy };
  });
  const rules: Record<string, string> = {
    'section-required': 'error',
    'section-text': 'error',
    'item-checked': 'error',
    'item-required': 'error',
    'template-untouched': 'error',
    ...(template.choices.length > 0 || template.alternatives.length > 0 ? { 'template-choice': 'error' } : {}),
    ...(template.fields.length > 0 ? { 'template-field': 'error' } : {}),
  };
  const config = {
    extends: 'none',
    rules,
    'pull-request': {
      template: file.path,
      sections: sections.map((s) => (Object.keys(s).length === 1 ? s.name : s)),
    },
  };
  const counts = [
    `${sections.length} section${sections.length === 1 ? '' : 's'}`,
    `${template.choices.length + template.alternatives.length} question${template.choices.length + template.alternatives.length === 1 ? '' : 's'} with options`,
    `${template.fields.length} field line${template.fields.length === 1 ? '' : 's'}`,
  ].join(', ');
  return [
    `# yaml-language-server: $schema=${PROJECT_URL}/blob/main/schema/readiness-gate.schema.json`,
    `# readiness-gate configuration, made from ${file.path} (${counts}) by \`readiness-gate init --from-template\`.`,
    '# Read from the base branch of each pull request, so a pull request cannot weaken its own gate.',
    '# A section of prose must be written (what the template wrote there does not count); a list of boxes needs',
    '# one ticked (`policy: any`), or exactly one (`policy: one`); say `policy: all` where every box must be.',
    '# To add the production-readiness checklist of the devops preset, set `extends: devops`.',
    stringify(config, { lineWidth: 0 }).trimEnd(),
    '',
  ].join('\n');
}
