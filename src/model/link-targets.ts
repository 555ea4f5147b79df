/**
 * What a link in a document points at: a Markdown file of this repository
 * (by a relative path or by its GitHub URL), or somewhere else. Plain text
 * in, no parser: `runbook-links.ts` applies it to a parsed description, and
 * `linkedAhead` to a description's text before it is parsed.
 */
import path from 'node:path';
import type { Repository } from './spec.js';

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

/**
 * The Markdown files of this repository a description's text likely links,
 * found without parsing it: targets of inline links and reference
 * definitions, URLs, and file names in code spans, those under a heading
 * that names runbooks first, then the rest in the order written; at most
 * `max`. A guess of what `readRunbookLinks` will find, for a reader that
 * wants the files before it has the settings or the time to parse: each
 * pattern is linear, and nothing here decides what is checked.
 */
export function linkedAhead(text: string, repository: Repository | undefined, max: number): string[] {
  const first: string[] = [];
  const rest: string[] = [];
  let underRunbook = false;
  for (const line of text.slice(0, AHEAD_CHARS).split('\n')) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(line);
    if (heading) underRunbook = /\brunbooks?\b/i.test(heading[1]!);
    for (const match of line.matchAll(AHEAD_TARGETS)) {
      const target = match[1] ?? match[2] ?? match[3] ?? match[4]!;
      if (externalUrl(target, repository)) continue;
      const file = repositoryPath(target, repository);
      if (file) (underRunbook ? first : rest).push(file);
    }
  }
  return [...new Set([...first, ...rest])].slice(0, max);
}

/** How much of a description is scanned for links ahead. */
const AHEAD_CHARS = 64 * 1024;
/** A link's target `](target)`, a reference definition `[x]: target`, a URL, a file in a code span. */
const AHEAD_TARGETS =
  /\]\(\s*<?([^\s()<>]+)|^ {0,3}\[[^\]]+\]:\s*<?([^\s<>]+)|(https?:\/\/[^\s()<>\]`]+)|`([^`\s]+\.(?:md|markdown|mdx))`/gi;
