/**
 * Lookups into a runbook shaped like the role document's Runbook Template.
 * Section names come from the preset; aliases from the config when it lists
 * the same section.
 */
import type { ResolvedConfig } from '../config/types.js';
import { findSection, inSection, type DocumentView, type Field, type Section } from '../markdown/document.js';
import { headingKey, keysOf } from '../markdown/heading.js';

export function templateSection(doc: DocumentView, config: ResolvedConfig, name: string): Section | undefined {
  const key = headingKey(name);
  const spec = config.runbooks.sections.find((s) => headingKey(s.name) === key);
  return findSection(doc, spec ? keysOf(spec) : [key]);
}

export function fieldIn(doc: DocumentView, section: Section, name: string): Field | undefined {
  const key = headingKey(name);
  return inSection(doc.fields, section).find((f) => headingKey(f.name) === key);
}

/** Empty, or only a bracketed placeholder such as `[Time]`. */
export function unfilled(value: string): boolean {
  return value.trim() === '' || /^\[[^\]]*\]$/.test(value.trim());
}
