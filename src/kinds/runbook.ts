/** A runbook: a Markdown file under the configured runbook paths, or one the description links. */
import picomatch from 'picomatch';
import { parseDocument, type DocumentView } from '../markdown/document.js';
import type { DocumentSettings, SectionSpec } from '../model/spec.js';
import type { DocumentKind } from './kind.js';

export interface RunbookContext {
  doc: DocumentView;
  path: string;
  spec: { sections: SectionSpec[] };
}

const matchers = new WeakMap<DocumentSettings['runbooks'], (path: string) => boolean>();

/** Whether `path` is a runbook under these settings: matched by `paths`, not by `exclude`. */
export function isRunbookPath(path: string, settings: DocumentSettings): boolean {
  let matcher = matchers.get(settings.runbooks);
  if (!matcher) {
    const included = picomatch(settings.runbooks.paths, { dot: true });
    const excluded = picomatch(settings.runbooks.exclude, { dot: true });
    matcher = (p) => included(p) && !excluded(p);
    matchers.set(settings.runbooks, matcher);
  }
  return matcher(path);
}

export const runbookKind: DocumentKind<'runbook', DocumentView, RunbookContext> = {
  id: 'runbook',
  select: isRunbookPath,
  parse: (text) => parseDocument(text),
  context: (doc, path, settings) => ({ doc, path, spec: { sections: settings.runbooks.sections } }),
};
