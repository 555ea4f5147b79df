/**
 * The file-system adapter of the CLI: expands runbook arguments (paths and
 * globs) and reads files relative to a repository root.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './usage-error.js';

/** Paths (relative to `root`, POSIX separators) named by the arguments, in argument order, without repeats. */
export async function expandFileArgs(args: string[], root: string, exclude: string[]): Promise<string[]> {
  const out = new Set<string>();
  const excluded = picomatch(exclude, { dot: true });
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd: root, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
      const kept = matches.filter((m) => !excluded(m)).sort();
      if (matches.length === 0)
        throw new UsageError(
          `no file matches "${arg}". Check the pattern, or quote it so the shell does not expand it.`,
        );
      for (const m of kept) out.add(m);
      continue;
    }
    const info = await stat(path.resolve(root, arg)).catch(() => undefined);
    if (!info)
      throw new UsageError(`${arg}: no such file. Name an existing runbook or a glob such as "docs/runbooks/**/*.md".`);
    if (info.isDirectory()) {
      const matches = await glob('**/*.{md,markdown}', {
        cwd: path.resolve(root, arg),
        onlyFiles: true,
        ignore: ['**/node_modules/**'],
      });
      for (const m of matches.sort()) {
        const rel = toPosix(path.join(arg, m));
        if (!excluded(rel)) out.add(rel);
      }
      continue;
    }
    out.add(toPosix(path.normalize(arg)));
  }
  return [...out];
}

/** The text of a file under `root`, or undefined when there is none. */
export async function readIfExists(root: string, file: string): Promise<string | undefined> {
  try {
    return await readFile(path.resolve(root, file), 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
