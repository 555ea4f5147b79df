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

const matchers = new WeakMap<PathSpec, (path: string) => boolean>();

export function selectsPath(spec: PathSpec, path: string): boolean {
  let matcher = matchers.get(spec);
  if (!matcher) {
    const included = picomatch([...spec.paths], { dot: true });
    const excluded = picomatch([...spec.exclude], { dot: true });
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
