/**
 * The file-system adapter of the CLI: expands runbook arguments (paths and
 * globs) and reads files relative to a repository root.
 */
import { open, readFile, realpath, stat } from 'node:fs/promises';
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

/** The largest document read, as for the contents API: a runbook is not a megabyte. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * A document under `root`: its text, undefined when there is none, or why
 * it was not read. Only regular files inside the root are read (a link to
 * a FIFO, a device or a file elsewhere is not), and at most MAX_FILE_BYTES.
 */
export async function readDocument(
  root: string,
  file: string,
): Promise<string | undefined | { kind: 'failed'; reason: string }> {
  const failed = (reason: string) => ({ kind: 'failed' as const, reason });
  let real: string;
  try {
    real = await realpath(path.resolve(root, file));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const base = await realpath(root);
  if (real !== base && !real.startsWith(base + path.sep)) return failed('it leads outside the repository root');
  const info = await stat(real);
  if (!info.isFile()) return failed('it is not a regular file');
  if (info.size > MAX_FILE_BYTES) return failed(`it is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  const handle = await open(real, 'r');
  try {
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_FILE_BYTES) return failed(`it grew past the ${MAX_FILE_BYTES}-byte limit while being read`);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
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
