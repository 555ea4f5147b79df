/**
 * A runbook: a Markdown file a runbook template selects (its `paths`, not its
 * `exclude`), or one the description links. Its rules see the template it
 * answers to: the first that selects it, else (a linked file elsewhere) the
 * first template.
 */
import picomatch from 'picomatch';
import { parseDocument, type DocumentView } from '../markdown/document.js';
import type { DocumentSettings, RunbookTemplate, SectionSpec } from '../model/spec.js';
import type { DocumentKind } from './kind.js';

export interface RunbookContext {
  doc: DocumentView;
  path: string;
  spec: { sections: SectionSpec[]; template: RunbookTemplate };
}

const matchers = new WeakMap<RunbookTemplate, (path: string) => boolean>();

function selects(template: RunbookTemplate, path: string): boolean {
  let matcher = matchers.get(template);
  if (!matcher) {
    const included = picomatch(template.paths, { dot: true });
    const excluded = picomatch(template.exclude, { dot: true });
    matcher = (p) => included(p) && !excluded(p);
    matchers.set(template, matcher);
  }
  return matcher(path);
}

/** The template a runbook at `path` answers to, if one selects it. */
export function templateFor(path: string, settings: DocumentSettings): RunbookTemplate | undefined {
  return settings.runbooks.templates.find((t) => selects(t, path));
}

export const runbookKind: DocumentKind<'runbook', DocumentView, RunbookContext> = {
  id: 'runbook',
  select: (path, settings) => templateFor(path, settings) !== undefined,
  parse: (text) => parseDocument(text),
  context: (doc, path, settings) => {
    const template = templateFor(path, settings) ?? settings.runbooks.templates[0]!;
    return { doc, path, spec: { sections: template.sections, template } };
  },
};
