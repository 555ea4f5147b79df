/**
 * The file-system adapter of the CLI: expands runbook arguments (paths and
 * globs) and reads files relative to a repository root.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { globMatcher } from '../model/paths.js';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { ResolvedConfig } from '../config/types.js';
import { mapLimit } from '../concurrency.js';
import { isMissing, readDocument } from '../disk.js';
import { mayHoldAlerts } from '../kinds/manifest/alert-rules.js';
import { kindOf } from '../kinds/index.js';
import type { Repository } from '../model/spec.js';
import { UsageError } from './usage-error.js';
import type { NotChecked } from '../model/report.js';

/** The repository root: the nearest folder upward holding `.git` or `.github/readiness-gate.yml`, else `cwd`. */
export async function findRoot(cwd: string): Promise<string> {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const marks = [path.join(dir, '.git'), path.join(dir, '.github', 'readiness-gate.yml')];
    for (const mark of marks) if (await stat(mark).catch(() => undefined)) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/** This repository on GitHub, from the `origin` remote in `.git/config`, when there is one. */
export async function readRepository(root: string): Promise<Repository | undefined> {
  const text = await readFile(path.join(root, '.git', 'config'), 'utf8').catch(() => '');
  const origin = /\[remote "origin"\][^[]*?\burl\s*=\s*(\S+)/.exec(text)?.[1];
  if (!origin) return undefined;
  const match = /^(?:https?:\/\/(?:[^@/]+@)?|ssh:\/\/git@|git@)([^/:]+)[/:]([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(origin);
  return match ? { host: match[1]!, owner: match[2]!, repo: match[3]! } : undefined;
}

/**
 * Paths (relative to `root`, POSIX separators) named by the arguments, which
 * are relative to `cwd`, in argument order, without repeats; and those not
 * to check, with why. A file named, or matched by a glob, is checked by the
 * kind that selects it, and a Markdown file as a runbook wherever it is. In
 * a named folder, only what a kind selects is checked (a runbook template's
 * paths, a Dockerfile, a manifest): a chart's `docs/` of Markdown is not a
 * family of runbooks because it sits under the folder named.
 */
export async function expandFileArgs(
  args: string[],
  cwd: string,
  root: string,
  exclude: string[],
  /** Which kind reads a path, if any: a template's runbook, a Dockerfile, a manifest. */
  kindOf: (path: string) => string | undefined = () => undefined,
  /** Check a file named only when a kind selects it, as in a named folder (`--only-selected`, the pre-commit hook). */
  onlySelected = false,
): Promise<{ files: string[]; notChecked: NotChecked[] }> {
  const out = new Set<string>();
  const notChecked = new Map<string, string>();
  const excluded = globMatcher(exclude);
  const fromRoot = (p: string) => toPosix(path.relative(root, path.resolve(cwd, p)));
  const named = (file: string) => {
    if (kindOf(file) !== undefined || (MARKDOWN.test(file) && !onlySelected)) out.add(file);
    else if (MARKDOWN.test(file)) notChecked.set(file, 'no runbook template selects it (see runbooks.paths)');
    else notChecked.set(file, 'no kind reads it (not Markdown, a deployment file or source code the gate reads)');
  };
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
      const kept = matches
        .map(fromRoot)
        .filter((m) => !excluded(m))
        .sort();
      if (matches.length === 0)
        throw new UsageError(
          `no file matches "${arg}". Check the pattern, or quote it so the shell does not expand it.`,
        );
      for (const m of kept) named(m);
      continue;
    }
    const info = await stat(path.resolve(cwd, arg)).catch(() => undefined);
    if (!info)
      throw new UsageError(`${arg}: no such file. Name an existing runbook or a glob such as "docs/runbooks/**/*.md".`);
    if (info.isDirectory()) {
      const matches = await glob('**/*', {
        cwd: path.resolve(cwd, arg),
        onlyFiles: true,
        dot: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      for (const m of matches.sort()) {
        const rel = fromRoot(path.join(arg, m));
        if (excluded(rel)) continue;
        if (kindOf(rel) !== undefined) out.add(rel);
        else if (MARKDOWN.test(rel)) notChecked.set(rel, 'no runbook template selects it (see runbooks.paths)');
      }
      continue;
    }
    named(fromRoot(arg));
  }
  for (const file of out) notChecked.delete(file);
  return { files: [...out], notChecked: [...notChecked].map(([path, reason]) => ({ path, reason })) };
}

const MARKDOWN = /\.(md|markdown)$/i;

/** The runbooks the config's templates select under `root`, sorted. */
export async function selectedRunbooks(root: string, config: ResolvedConfig): Promise<string[]> {
  const patterns = config.runbooks.templates.flatMap((t) => t.paths);
  const found = await glob(patterns, { cwd: root, onlyFiles: true, ignore: ['**/node_modules/**'] });
  return found.filter((p) => kindOf(p, config) === 'runbook').sort();
}

/** YAML files an audit scans for alerting rules; past it, the audit says it looked no further. */
export const MAX_AUDIT_YAML = 5000;

/**
 * The YAML files under `root` that hold alerting rules, for an audit of a
 * repository's alerts: those `evidence` selects, each read up to 1 MiB to
 * tell, at most MAX_AUDIT_YAML of them, in path order.
 */
export async function alertFilesUnder(
  root: string,
  config: ResolvedConfig,
): Promise<{ files: string[]; scanned: number; total: number }> {
  const found = await glob(['**/*.yml', '**/*.yaml'], {
    cwd: root,
    onlyFiles: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  const candidates = found.filter((p) => kindOf(p, config) === 'manifest').sort();
  const scanned = candidates.slice(0, MAX_AUDIT_YAML);
  const holds = await mapLimit(scanned, 16, async (p) => {
    const text = await readDocument(root, p).catch(() => undefined);
    return typeof text === 'string' && mayHoldAlerts(text);
  });
  return { files: scanned.filter((_, i) => holds[i]), scanned: scanned.length, total: candidates.length };
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

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
