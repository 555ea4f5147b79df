/**
 * Where the description points at runbooks: the links and inline-code paths
 * to Markdown files inside its Runbook section, and links to runbooks kept
 * elsewhere. A link to this repository by its GitHub URL (any branch or
 * commit) is the file at the head commit; a link to another repository or
 * host is external. The planning step reads this to know which files to
 * fetch; `runbook-linked` and `runbook-exists` check it.
 */
import { findSection, inSection, type DocumentView, type Section } from '../markdown/document.js';
import { keysOf } from '../markdown/heading.js';
import { notApplicable, type ItemState } from './checklist.js';
import { externalUrl, repositoryPath } from './link-targets.js';
import type { RunbookLinkSpec } from './spec.js';

export interface RunbookLink {
  path: string;
  line: number;
  column: number;
}

export interface ExternalLink {
  url: string;
  line: number;
  column: number;
}

export interface RunbookLinks {
  section: Section | undefined;
  links: RunbookLink[];
  /** Links to other hosts or repositories. */
  external: ExternalLink[];
  /** What the section says when it links nothing: `N/A` with or without a reason. */
  waiver: ItemState;
}

const cache = new WeakMap<DocumentView, WeakMap<RunbookLinkSpec, RunbookLinks>>();

/** The description's Runbook section, what it links and what it says when it links nothing; computed once per document and spec. */
export function readRunbookLinks(doc: DocumentView, spec: RunbookLinkSpec): RunbookLinks {
  let perDoc = cache.get(doc);
  if (!perDoc) cache.set(doc, (perDoc = new WeakMap()));
  const cached = perDoc.get(spec);
  if (cached) return cached;
  const section = findSection(doc, keysOf({ name: spec.section, aliases: spec.aliases }));
  const links: RunbookLink[] = [];
  const external: ExternalLink[] = [];
  let waiver: ItemState = { kind: 'unchecked' };
  if (section) {
    const seen = new Set<string>();
    for (const ref of inSection(doc.references, section)) {
      if (ref.kind === 'link' && externalUrl(ref.target, spec.repository)) {
        if (!seen.has(ref.target)) external.push({ url: ref.target, line: ref.line, column: ref.column });
        seen.add(ref.target);
        continue;
      }
      const file = repositoryPath(ref.target, spec.repository);
      if (!file || seen.has(file)) continue;
      seen.add(file);
      links.push({ path: file, line: ref.line, column: ref.column });
    }
    waiver = notApplicable(
      inSection(doc.texts, section)
        .map((t) => t.text)
        .join(' '),
    );
  }
  const result = { section, links, external, waiver };
  perDoc.set(spec, result);
  return result;
}
