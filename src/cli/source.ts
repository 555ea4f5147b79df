/**
 * The pipeline's documents as a checkout has them: the config and the
 * documents from the disk, the description from `--body`, the changed files
 * from `--changed-files`, the rest of the pull request from flags. What no
 * flag says is unknown, never guessed. Files named on the command line are
 * checked; without any, the changed files are (as the action checks them),
 * and without those, the runbooks the config's templates select.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { ResolvedConfig } from '../config/types.js';
import { CONFIG_PATH } from '../init/templates.js';
import { kindByText, kindOf } from '../kinds/index.js';
import type { Repository } from '../model/spec.js';
import { changedSince, filesMentioning, readAtRef, readDocument } from '../disk.js';
import { languageOf } from '../kinds/code/languages.js';
import { alertFilesUnder, expandFileArgs, MAX_AUDIT_YAML, readIfExists, selectedRunbooks } from './files.js';
import { UsageError } from './usage-error.js';
import type { Unread } from '../model/files.js';
import {
  type ChangedFiles,
  type ConfigText,
  type DocumentSource,
  type FileRead,
  MAX_MENTIONS,
  MAX_TREE_FILES,
  type NamedFiles,
  type PullRequestInfo,
  READ_CONCURRENCY,
  ReadFailed,
} from '../source.js';
import { isTemplatePath, TEMPLATE_FOLDERS, templatePaths } from '../model/template-paths.js';
import type { TemplateFile } from '../model/template.js';
import { PULL_REQUEST } from '../kinds/pull-request.js';

export interface DiskSourceOptions {
  /** The working directory: arguments and `--config` are relative to it. */
  cwd: string;
  /** The repository root: documents and links are relative to it. */
  root: string;
  repository?: Repository;
  /** `--config`, when given. */
  configFile?: string;
  /** The description's text (`--body`). */
  body?: string;
  /** The changed files (`--changed-files`). */
  changed?: ChangedFiles;
  pullRequest: PullRequestInfo['facts'];
  /** Files and globs named on the command line. */
  args: string[];
  /** Of the files named, check only those a kind selects (`--only-selected`). */
  onlySelected?: boolean;
  /** The commit files "at the base" are read at (`--base-ref`): without it, the disk's. */
  baseRef?: string;
  /** The pull-request template (`--template`), relative to the working directory; else the checkout's. */
  templateFile?: string;
}

export class DiskSource implements DocumentSource {
  // A bounded pool: thousands of files at once run out of file descriptors (macOS allows 256).
  readonly concurrency = READ_CONCURRENCY * 4;
  readonly repository;

  constructor(private readonly options: DiskSourceOptions) {
    this.repository = options.repository;
  }

  async config(): Promise<ConfigText> {
    const { configFile, cwd, root } = this.options;
    if (configFile === undefined) return { path: CONFIG_PATH, text: await readIfExists(root, CONFIG_PATH) };
    const text = await readFile(path.resolve(cwd, configFile), 'utf8').catch(() => {
      throw new UsageError(`${configFile}: cannot read the config file. Check the path given to --config.`);
    });
    return { path: configFile, text };
  }

  async pullRequest(): Promise<PullRequestInfo> {
    const { body, pullRequest } = this.options;
    return { ...(body !== undefined ? { body } : {}), draft: false, facts: pullRequest };
  }

  async changedFiles(): Promise<ChangedFiles | undefined> {
    const { changed, baseRef, root } = this.options;
    if (!changed || baseRef === undefined) return changed;
    // With a base commit, the lines each changed source file gains, so rules on code judge only those.
    const code = changed.files.filter((f) => !f.removed && languageOf(f.path)).map((f) => f.path);
    return { ...changed, lines: await changedSince(root, baseRef, code) };
  }

  async named(config: ResolvedConfig): Promise<NamedFiles | undefined> {
    const { args, cwd, root, body, changed } = this.options;
    if (args.length > 0) {
      const excluded = config.runbooks.templates.flatMap((t) => t.exclude);
      const kind = (p: string) => kindOf(p, config) ?? kindByText(p, config)?.kind;
      return expandFileArgs(args, cwd, root, excluded, kind, this.options.onlySelected === true);
    }
    if (changed) return undefined;
    const found = await selectedRunbooks(root, config);
    if (config.alerts.configured) {
      // An audit: every alert of the repository against its runbook, and the runbooks no alert links.
      const alerts = await alertFilesUnder(root, config);
      if (alerts.files.length > 0) {
        const notChecked =
          alerts.total > alerts.scanned
            ? [
                {
                  path: '.',
                  reason: `${alerts.total - alerts.scanned} YAML files past the first ${MAX_AUDIT_YAML} were not looked at for alerts`,
                },
              ]
            : [];
        return { files: [...found, ...alerts.files], notChecked, audit: true };
      }
    }
    if (body === undefined && found.length === 0) {
      throw new UsageError(
        'nothing to check: give --body FILE and/or runbook files; no runbook under the repository root matches the config.',
      );
    }
    return { files: found, notChecked: [] };
  }

  /**
   * The pull-request templates as the checkout has them (read at `--base-ref`
   * when given, as the action reads them at the base commit), or the file
   * `--template` names.
   */
  async templates(setting: string | false | undefined): Promise<TemplateFile[]> {
    const { cwd, root, templateFile, baseRef } = this.options;
    if (templateFile !== undefined) {
      const text = await readFile(path.resolve(cwd, templateFile), 'utf8').catch(() => undefined);
      if (text === undefined) throw new UsageError(`--template ${templateFile}: cannot read the file.`);
      return [{ path: templateFile, text }];
    }
    const paths = templatePaths(setting, setting === undefined ? await this.foundTemplates() : []);
    const read = await Promise.all(
      paths.map(async (p) => ({
        path: p,
        text: baseRef !== undefined ? await readAtRef(root, baseRef, p) : await readDocument(root, p),
      })),
    );
    const found = read.flatMap((t) => (typeof t.text === 'string' ? [{ path: t.path, text: t.text }] : []));
    if (typeof setting === 'string' && found.length === 0) {
      throw new ReadFailed(
        `the pull-request template ${setting}`,
        'there is no such file in the checkout, though `pull-request.template` names it',
        PULL_REQUEST,
        false,
      );
    }
    return found;
  }

  /** Where GitHub would find templates in the checkout: the default one first, then those of a templates folder. */
  private async foundTemplates(): Promise<string[]> {
    const found: string[] = [];
    for (const folder of TEMPLATE_FOLDERS) {
      const entries = await readdir(path.resolve(this.options.root, folder || '.'), { withFileTypes: true }).catch(
        () => [],
      );
      for (const entry of entries) {
        const at = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isFile() && isTemplatePath(at)) found.push(at);
        if (entry.isDirectory() && /^pull_request_template$/i.test(entry.name)) {
          const inner = await readdir(path.resolve(this.options.root, at), { withFileTypes: true }).catch(() => []);
          for (const file of inner)
            if (file.isFile() && isTemplatePath(`${at}/${file.name}`)) found.push(`${at}/${file.name}`);
        }
      }
    }
    return found.slice(0, 10);
  }

  async list(folder: string): Promise<string[]> {
    const root = path.resolve(this.options.root);
    const at = path.resolve(root, folder);
    // A folder named by a changed path stays inside the checkout.
    if (at !== root && !at.startsWith(root + path.sep)) return [];
    const entries = await readdir(at, { withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => (folder === '' ? entry.name : `${folder}/${entry.name}`))
      .sort();
  }

  async tree(): Promise<{ paths: string[]; truncated: boolean }> {
    const found = await glob(['**'], {
      cwd: path.resolve(this.options.root),
      onlyFiles: true,
      dot: true,
      ignore: ['**/node_modules/**', '**/.git/**'],
    });
    found.sort();
    return { paths: found.slice(0, MAX_TREE_FILES), truncated: found.length > MAX_TREE_FILES };
  }

  mentions(names: readonly string[]): Promise<string[]> {
    return filesMentioning(path.resolve(this.options.root), names, MAX_MENTIONS);
  }

  async read(file: FileRead): Promise<string | undefined | Unread> {
    try {
      const { root, baseRef } = this.options;
      if (file.fromBase && baseRef !== undefined) return await readAtRef(root, baseRef, file.path, file.maxBytes);
      return await readDocument(root, file.path, file.maxBytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      return { kind: 'failed', reason: code ? `the file system answered ${code}` : String(error) };
    }
  }
}
