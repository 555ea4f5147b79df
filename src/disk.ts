/**
 * Files read from the disk, for the CLI's checkout and the action's
 * workspace alike: only regular files inside a root, at most a size, decoded
 * as the tools that deploy them decode them.
 */
import { execFile } from 'node:child_process';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { changedLines } from './model/diff.js';
import type { Unread } from './model/files.js';
import type { RenderedFile } from './model/files.js';
import { MAX_EVIDENCE_BYTES, MAX_FILE_BYTES, decodeText, overLimit } from './model/file-bytes.js';

/**
 * A document under `root`: its text, undefined when there is none, or why
 * it was not read. Only regular files inside the root are read (a link to
 * a FIFO, a device or a file elsewhere is not), and at most `maxBytes`.
 */
export async function readDocument(
  root: string,
  file: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<string | undefined | { kind: 'failed'; reason: string }> {
  const bytes = await readBytes(root, file, maxBytes);
  return Buffer.isBuffer(bytes) ? decodeText(bytes) : bytes;
}

/** A file's bytes as they are, bounded and kept inside the root as `readDocument` reads them. */
export async function readBytes(
  root: string,
  file: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<Buffer | undefined | { kind: 'failed'; reason: string }> {
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
  if (info.size > maxBytes) return failed(overLimit(info.size, maxBytes));
  const handle = await open(real, 'r');
  try {
    // One byte more than the file had, to see whether it grew since.
    const buffer = Buffer.alloc(info.size + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > info.size) return failed(`it grew while being read`);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * A file as a commit of the checkout has it (`git show REF:path`): its text,
 * undefined when the commit has no such file, or why it was not read. Git
 * reads its own objects; nothing of the file is run.
 */
export function readAtRef(
  root: string,
  ref: string,
  file: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<string | undefined | { kind: 'failed'; reason: string }> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', root, 'show', `${ref}:${file.replace(/^\.?\/+/, '')}`],
      { encoding: 'buffer', maxBuffer: maxBytes, timeout: 30_000, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(decodeText(stdout));
        const message = stderr.toString('utf8');
        if ((error as { code?: unknown }).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return resolve({ kind: 'failed', reason: `it is larger than ${maxBytes} bytes at ${ref}` });
        }
        // "path 'x' does not exist in 'REF'", "exists on disk, but not in 'REF'": no such file at that commit.
        if (/does not exist in|exists on disk, but not in/.test(message)) return resolve(undefined);
        resolve({ kind: 'failed', reason: `git show ${ref}:${file} failed: ${message.trim().split('\n')[0] ?? ''}` });
      },
    );
  });
}

/**
 * The lines the working tree changes in these files since `ref` (`git diff
 * -U0 REF -- paths`, read by `changedLines`), by path from the repository root: a file git shows no
 * change for gets none; a file it could not diff, and a file `ref` does not
 * have (added since, committed or not: git diff does not show an untracked
 * file), are left out, so they are judged whole, as new files.
 */
export async function changedSince(
  root: string,
  ref: string,
  paths: readonly string[],
): Promise<Record<string, number[]>> {
  if (paths.length === 0) return {};
  const [diffed, atRef] = await Promise.all([diffSince(root, ref, paths), filesAt(root, ref, paths)]);
  if (!atRef) return diffed;
  return Object.fromEntries(Object.entries(diffed).filter(([p]) => atRef.has(p)));
}

/** Which of these paths the commit `ref` has (`git ls-tree`); undefined when git could not say. */
function filesAt(root: string, ref: string, paths: readonly string[]): Promise<Set<string> | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', root, 'ls-tree', '-r', '--name-only', '-z', ref, '--', ...paths],
      { maxBuffer: 64 * 1024 * 1024, timeout: 60_000, windowsHide: true },
      (error, stdout) => resolve(error ? undefined : new Set(stdout.split('\0').filter(Boolean))),
    );
  });
}

function diffSince(root: string, ref: string, paths: readonly string[]): Promise<Record<string, number[]>> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', root, 'diff', '--no-color', '--no-ext-diff', '--no-renames', '-U0', ref, '--', ...paths],
      { maxBuffer: 64 * 1024 * 1024, timeout: 60_000, windowsHide: true },
      (error, stdout) => {
        if (error) return resolve({});
        const out: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
        let file: string | undefined;
        let chunk: string[] = [];
        const flush = () => {
          if (file !== undefined && Object.hasOwn(out, file)) out[file] = changedLines(chunk.join('\n'));
          chunk = [];
        };
        for (const line of stdout.split('\n')) {
          if (line.startsWith('diff --git ')) {
            flush();
            file = undefined;
          } else if (line.startsWith('+++ ')) {
            file = line === '+++ /dev/null' ? undefined : line.slice(4).replace(/^b\//, '');
          } else if (file !== undefined) chunk.push(line);
        }
        flush();
        resolve(out);
      },
    );
  });
}

/**
 * The files of the checkout (tracked, and untracked but not ignored) that
 * hold any of `names`, ignoring case, as `git grep -l -F` finds them, at
 * most `max`; none outside a git checkout. Git reads the files; nothing of
 * them is run, and a name is a fixed string, never a pattern.
 */
export function filesMentioning(root: string, names: readonly string[], max: number): Promise<string[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', root, 'grep', '-l', '-I', '-i', '-F', '--untracked', ...names.flatMap((n) => ['-e', n]), '--'],
      { maxBuffer: 16 * 1024 * 1024, timeout: 60_000, windowsHide: true },
      (error, stdout) => {
        // 1: nothing found; anything else (not a checkout): nothing to say of it.
        if (error) return resolve([]);
        resolve(
          stdout
            .split('\n')
            .filter((line) => line !== '')
            .slice(0, max),
        );
      },
    );
  });
}

/** Whether `ref` names a commit of the checkout at `root`. */
export function isCommit(root: string, ref: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (ref.startsWith('-')) return resolve(false);
    execFile('git', ['-C', root, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { timeout: 10_000 }, (error) =>
      resolve(!error),
    );
  });
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/**
 * Rendered manifests named by the caller, relative to `root` and inside it,
 * each up to MAX_EVIDENCE_BYTES; a file that is not there is a read that
 * failed (the step that renders it did not run), so the gate fails closed.
 */
export async function readRendered(root: string, files: readonly string[]): Promise<RenderedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const shown = path.posix.normalize(file.split(path.sep).join('/'));
      let text: string | undefined | Unread;
      try {
        text = await readDocument(root, file, MAX_EVIDENCE_BYTES);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException | undefined)?.code;
        text = { kind: 'failed', reason: code ? `the file system answered ${code}` : String(error) };
      }
      return {
        path: shown,
        text: text ?? { kind: 'failed', reason: 'there is no such file: render it in a step before this one' },
      };
    }),
  );
}
