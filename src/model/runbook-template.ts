/**
 * Lookups into a runbook shaped like the role document's Runbook Template.
 * A template section is found by its name, or by the aliases a team gives
 * the same section in its runbook sections.
 */
import { findSection, inSection, type DocumentView, type Field, type Section } from '../markdown/document.js';
import { headingKey, keysOf } from '../markdown/heading.js';
import type { SectionSpec } from './spec.js';

/** The sections of the role document's Runbook Template. */
export const RUNBOOK_SECTIONS = {
  overview: 'Overview',
  preDeployment: 'Pre-Deployment Checklist',
  deploymentSteps: 'Deployment Steps',
  verification: 'Verification',
  rollback: 'Rollback Procedure',
  knownIssues: 'Known Issues',
} as const;

export function templateSection(
  doc: DocumentView,
  sections: readonly SectionSpec[],
  name: string,
): Section | undefined {
  const key = headingKey(name);
  const spec = sections.find((s) => headingKey(s.name) === key);
  return findSection(doc, spec ? keysOf(spec) : [key]);
}

export function fieldIn(doc: DocumentView, section: Section, name: string): Field | undefined {
  const key = headingKey(name);
  return inSection(doc.fields, section).find((f) => headingKey(f.name) === key);
}

/** Every `**name**: value` field in the document with this name, wherever it stands. */
export function fieldsNamed(doc: DocumentView, name: string): Field[] {
  const key = headingKey(name);
  return doc.fields.filter((f) => headingKey(f.name) === key);
}
