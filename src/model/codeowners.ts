/**
 * CODEOWNERS as GitHub reads it: the first of `.github/CODEOWNERS`,
 * `CODEOWNERS` and `docs/CODEOWNERS` that exists; gitignore-style patterns
 * (a leading `/` or an inner `/` anchors at the root, a trailing `/` means a
 * folder and all under it, `*` stays within a folder, `**` crosses them,
 * `docs/*` names the folder's own files);
 * the last matching line wins, and a pattern with no owners unsets
 * ownership. A line GitHub skips (a `!` negation, a `[ ]` range, a `\#`
 * escape, an owner that is neither `@user`, `@org/team` nor an e-mail
 * address) decides nothing, as on GitHub.
 */
import { globMatcher } from './paths.js';

/** Where GitHub looks for the file, in its order. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export interface OwnersLine {
  line: number;
  pattern: string;
  owners: string[];
  matches(path: string): boolean;
  /** Why GitHub skips the line, when it does. */
  skipped?: string;
}

export function parseCodeowners(text: string): OwnersLine[] {
  const out: OwnersLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw
      .replace(/\r$/, '')
      .replace(/(^|\s)#.*$/, '')
      .trim();
    if (line === '') return;
    const [pattern, ...owners] = line.split(/\s+/);
    const why = skippedBecause(raw.trim(), pattern!, owners);
    out.push({ line: i + 1, pattern: pattern!, owners, matches: matcher(pattern!), ...(why ? { skipped: why } : {}) });
  });
  return out;
}

/** The owners of a path: the last line that matches it decides; none when that line names none. */
export function ownersOf(lines: readonly OwnersLine[], path: string): { owners: string[]; line: number } | undefined {
  const last = lines.findLast((l) => l.skipped === undefined && l.matches(path));
  return last && last.owners.length > 0 ? { owners: last.owners, line: last.line } : undefined;
}

function matcher(pattern: string): (path: string) => boolean {
  const folder = pattern.endsWith('/');
  const bare = pattern.replace(/^\//, '').replace(/\/$/, '');
  // Anchored at the root when the pattern has a slash before its end; else it matches at any depth.
  const anchored = pattern.startsWith('/') || bare.includes('/');
  const base = anchored ? bare : `**/${bare}`;
  // A pattern names a file, or a folder and everything under it; one whose last part is a wildcard (`docs/*`)
  // names that folder's files only, as GitHub documents.
  const last = bare.slice(bare.lastIndexOf('/') + 1);
  return globMatcher(folder ? [`${base}/**`] : last.includes('*') ? [base] : [base, `${base}/**`]);
}

/** Why GitHub skips a line of CODEOWNERS, as its documentation lists what it does not support. */
function skippedBecause(raw: string, pattern: string, owners: readonly string[]): string | undefined {
  if (raw.startsWith('\\#')) return 'it escapes a # with \\, which CODEOWNERS does not support';
  if (pattern.startsWith('!')) return 'it negates a pattern with !, which CODEOWNERS does not support';
  if (/\[[^\]]*\]/.test(pattern)) return 'it uses a [ ] character range, which CODEOWNERS does not support';
  const bad = owners.find(
    (o) => !/^@[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:\/[A-Za-z0-9_.-]+)?$/.test(o) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o),
  );
  if (bad !== undefined) return `${bad} is not an owner: @user, @org/team or an e-mail address`;
  return undefined;
}
