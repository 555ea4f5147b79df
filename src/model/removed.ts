/**
 * The files a pull request removes, and the old paths of those it renames:
 * a link to one of them is dead once the pull request merges. And where a
 * link in a file points, as a browser reading the file on GitHub follows it.
 */
import path from 'node:path';
import type { PullRequestFacts } from './conditions.js';
import { folderOf } from './paths.js';
import { repositoryPath } from './link-targets.js';
import type { Repository } from './spec.js';

export interface Removed {
  /** The path as the pull request's base had it. */
  path: string;
  /** Its new path, when it is renamed. */
  renamedTo?: string;
}

/** The removed and renamed files of a pull request, by their old path in lower case; none where unknown. */
export function removedFiles(facts: PullRequestFacts | undefined): ReadonlyMap<string, Removed> | undefined {
  const files = facts?.changedFiles?.files;
  if (!files) return undefined;
  const out = new Map<string, Removed>();
  for (const f of files) {
    if (f.removed) out.set(f.path.toLowerCase(), { path: f.path });
    else if (f.previous !== undefined && f.previous !== f.path)
      out.set(f.previous.toLowerCase(), { path: f.previous, renamedTo: f.path });
  }
  return out;
}

/** The removed files as a rule's context holds them: only when there are some. */
export function withRemoved(facts: PullRequestFacts | undefined): { removed?: ReadonlyMap<string, Removed> } {
  const removed = removedFiles(facts);
  return removed && removed.size > 0 ? { removed } : {};
}

/**
 * The repository path a link in the file at `from` opens: relative to the
 * file's folder, from the root with a leading `/`, or a GitHub URL to this
 * repository; undefined for a fragment alone, another host, or a path that
 * leaves the repository.
 */
export function linkedPath(target: string, from: string, repository?: Repository): string | undefined {
  const raw = target.trim();
  if (raw === '' || raw.startsWith('#')) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) return repositoryPath(raw, repository);
  let bare = raw.replace(/[?#].*$/, '');
  try {
    bare = decodeURIComponent(bare);
  } catch {
    return undefined;
  }
  if (bare === '') return undefined;
  const joined = bare.startsWith('/') ? bare.replace(/^\/+/, '') : path.posix.join(folderOf(from), bare);
  const normal = path.posix.normalize(joined);
  return normal.startsWith('../') || normal === '..' || normal === '.' ? undefined : normal;
}

/** How a message says where a removed file went. */
export function whereItWent(removed: Removed): { what: string; instead: string } {
  return removed.renamedTo !== undefined
    ? { what: `renames to ${removed.renamedTo}`, instead: `Link ${removed.renamedTo}` }
    : { what: 'removes', instead: 'Link the page that replaces it, or keep it' };
}
