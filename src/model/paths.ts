/**
 * Files chosen by globs: `paths` select, `exclude` leaves out. Runbook
 * templates, `when` entries' `changed-files` and `evidence` all have this
 * shape; each spec's matcher is compiled once (a spec is asked about every
 * file of a repository).
 */
import picomatch from 'picomatch';

export interface PathSpec {
  readonly paths: readonly string[];
  readonly exclude: readonly string[];
}

/**
 * A glob matcher as Git's pathspecs read globs: dot files matched, and a
 * name that holds a line break (`\n`, `\r`, U+2028) matched like any other
 * (picomatch's `.` would stop at it without the `s` flag, and a file under
 * such a folder would never be selected).
 */
export function globMatcher(globs: string | readonly string[]): (path: string) => boolean {
  return picomatch(typeof globs === 'string' ? globs : [...globs], { dot: true, flags: 's' });
}

const matchers = new WeakMap<PathSpec, (path: string) => boolean>();

export function selectsPath(spec: PathSpec, path: string): boolean {
  let matcher = matchers.get(spec);
  if (!matcher) {
    const included = globMatcher(spec.paths);
    const excluded = globMatcher(spec.exclude);
    matcher = (p) => included(p) && !excluded(p);
    matchers.set(spec, matcher);
  }
  return matcher(path);
}

/** The folder of a repository path, `''` at the root. */
export function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** A path in a folder, `''` being the root. */
export function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** A path shown in Markdown as code: the pull request's text, and a glob's `**` is not bold. */
export function pathInCode(text: string): string {
  return `\`${text.replace(/[`\s]+/g, ' ')}\``;
}

/**
 * A repository path as the path of a relative URI: each segment
 * percent-encoded (`#`, `?`, `%`, spaces, parentheses), so that no name can
 * end the path or start a fragment or query, in SARIF or a Markdown link.
 */
export function pathUri(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}
