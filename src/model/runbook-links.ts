/**
 * Where the description points at runbooks: the links and inline-code paths
 * to Markdown files inside its Runbook section, and links to runbooks kept
 * elsewhere. A link to this repository by its GitHub URL (any branch or
 * commit) is the file at the head commit; a link to another repository or
 * host is external. The planning step reads this to know which files to
 * fetch; `runbook-linked` and `runbook-exists` check it.
 */
import path from 'node:path';
import { findSection, inSection, type DocumentView, type Section } from '../markdown/document.js';
import { keysOf } from '../markdown/heading.js';
import { notApplicable, type ItemState } from './checklist.js';
import type { Repository, RunbookLinkSpec } from './spec.js';

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

const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;
const GITHUB_FILE = /^https:\/\/([^/]+)\/([^/]+)\/([^/]+)\/(?:blob|tree|raw)\/[^/]+\/(.+)$/i;

/** Whether a link target is a URL to somewhere else: another host, or another repository. */
export function externalUrl(target: string, repository?: Repository): boolean {
  const raw = target.trim();
  if (!/^https?:\/\//i.test(raw)) return false;
  const file = GITHUB_FILE.exec(raw.replace(/[?#].*$/, ''));
  return !(file && repository && sameRepository(file, repository));
}

function sameRepository(file: RegExpExecArray, repository: Repository): boolean {
  const [, host, owner, repo] = file;
  return (
    host!.toLowerCase() === repository.host.toLowerCase() &&
    owner!.toLowerCase() === repository.owner.toLowerCase() &&
    repo!.toLowerCase() === repository.repo.toLowerCase()
  );
}

/** A repository-relative path for a link target, or undefined when it names no Markdown file in the repository. */
export function repositoryPath(target: string, repository?: Repository): string | undefined {
  let raw = target.trim().replace(/[?#].*$/, '');
  const file = GITHUB_FILE.exec(raw);
  if (file && repository && sameRepository(file, repository)) raw = file[4]!;
  else if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) return undefined;
  try {
    raw = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!MARKDOWN_FILE.test(raw) || /\s/.test(raw)) return undefined;
  const normal = path.posix.normalize(raw.replace(/^\/+/, ''));
  if (normal.startsWith('../') || normal === '..') return undefined;
  return normal;
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
