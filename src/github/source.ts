/**
 * The pipeline's documents as GitHub has them: the pull request read fresh,
 * the config at the base commit, documents at the head commit, companions
 * that lower a demand at the base commit, reviews for sign-off. Everything
 * that does not wait on another answer is asked for at once: the pull
 * request, its changed files, the config at the base commit the event names
 * (read again only when the fresh pull request names another) and the
 * comments go out together; in the action they are asked for before this
 * module is loaded (`first-round.ts`, with the runbooks the event's
 * description links) and adopted here. A read that fails past the client's
 * retries becomes a ReadFailed, which the run reports as a finding.
 */
import { RequestError } from '@octokit/request-error';
import type { ResolvedConfig } from '../config/types.js';
import { ConfigError } from '../config/load.js';
import { CONFIG_PATH } from '../init/templates.js';
import { PULL_REQUEST } from '../kinds/pull-request.js';
import { languageOf } from '../kinds/code/languages.js';
import { changedLines } from '../model/diff.js';
import { readApprovalFacts, readReviewerAuthority, readSignOffData } from '../signoff/read.js';
import { describeRequest, requestsSent, type GitHubClient } from './client.js';
import type { FirstRound } from './first-round.js';
import { listComments, TooMany, type IssueComment } from './comment.js';
import {
  getPullRequest,
  listChangedFiles,
  listFolderAt,
  listTreeAt,
  readFileAt,
  searchCode,
  type ListedFile,
  type PullRequest,
  type Repo,
} from './repository.js';
import type { Unread } from '../model/files.js';
import type { ApprovalFacts } from '../model/conditions.js';
import { findTemplates, readTemplates } from './templates.js';
import { templatePaths } from '../model/template-paths.js';
import type { TemplateFile } from '../model/template.js';
import { MAX_FILE_BYTES } from '../model/file-bytes.js';
import {
  type ChangedFiles,
  MAX_MENTIONS,
  MAX_TREE_FILES,
  type ConfigText,
  type DocumentSource,
  type FileRead,
  type PullRequestInfo,
  READ_CONCURRENCY,
  ReadFailed,
  type ReviewData,
} from '../source.js';

export interface GitHubSourceOptions {
  repo: Repo;
  number: number;
  /** The config's path at the base commit. */
  configPath: string;
  /** The web host's URL (`https://github.com`): a link to this repository by URL is a file at the head commit. */
  serverUrl: string;
  /** The base commit the event names, so the config is read without waiting for the pull request. */
  eventBaseSha?: string;
  /** The description as the event has it. */
  eventBody?: string;
  /** The first round of requests, asked for already (`first-round.ts`): adopted instead of asking again. */
  first?: FirstRound;
}

export class GitHubSource implements DocumentSource {
  readonly concurrency = READ_CONCURRENCY;
  readonly configFrom = 'the base branch';
  readonly repository;
  private pr?: Promise<PullRequest>;
  private commentList?: Promise<IssueComment[]>;
  private fileList?: Promise<ListedFile[]>;
  private readonly templatePaths = new Map<string, Promise<string[]>>();

  constructor(
    private readonly client: GitHubClient,
    private readonly options: GitHubSourceOptions,
  ) {
    this.repository = { host: new URL(options.serverUrl).host, ...options.repo };
  }

  /** The pull request as GitHub has it now, read once. */
  pull(): Promise<PullRequest> {
    const asked = this.options.first?.pull ?? getPullRequest(this.client, this.options.repo, this.options.number);
    this.pr ??= asked.catch((error: unknown) => {
      throw readFailed(`pull request #${this.options.number}`, error);
    });
    return this.pr;
  }

  /** The pull request's comments, read once: for sign-off and for the sticky comment. */
  comments(): Promise<IssueComment[]> {
    this.commentList ??=
      this.options.first?.comments ?? listComments(this.client, this.options.repo, this.options.number);
    return this.commentList;
  }

  async config(): Promise<ConfigText> {
    const { configPath, eventBaseSha } = this.options;
    // The templates are looked for with the config, at the same commit: no round of their own.
    if (eventBaseSha) this.templatesAt(eventBaseSha).catch(() => {});
    const first = eventBaseSha ?? (await this.pull()).baseSha;
    let sha = first;
    let text = await this.readConfig(first);
    const { baseSha } = await this.pull();
    if (baseSha !== first) {
      sha = baseSha;
      text = await this.readConfig(baseSha);
    }
    // Only the default path may be absent: a named config that is missing would silently drop the team's rules.
    if (text === undefined && configPath !== CONFIG_PATH) {
      const detail = `no such file at the base commit ${sha.slice(0, 7)}, though the \`config\` input names it. Fix the input, or add the file.`;
      throw new ConfigError(configPath, 1, 1, detail);
    }
    return { path: configPath, text };
  }

  /** Where the templates are at a commit, looked for once. */
  private templatesAt(sha: string): Promise<string[]> {
    const first = this.options.first?.templates;
    const found =
      this.templatePaths.get(sha) ??
      (first?.sha === sha ? first.paths : findTemplates(this.client, this.options.repo, sha));
    this.templatePaths.set(sha, found);
    return found;
  }

  async templates(setting: string | false | undefined): Promise<TemplateFile[]> {
    if (setting === false) return [];
    const { baseSha } = await this.pull();
    try {
      const paths = templatePaths(setting, typeof setting === 'string' ? [] : await this.templatesAt(baseSha));
      const read = await readTemplates(this.client, this.options.repo, baseSha, paths);
      if (typeof setting === 'string' && read.length === 0) {
        throw new ReadFailed(
          `the pull-request template ${setting}`,
          `there is no such file at the base commit ${baseSha.slice(0, 7)}, though \`pull-request.template\` names it`,
          PULL_REQUEST,
          false,
        );
      }
      return read;
    } catch (error) {
      if (error instanceof ReadFailed) throw error;
      throw readFailed('the pull-request template', error);
    }
  }

  private async readConfig(sha: string): Promise<string | undefined> {
    const { configPath } = this.options;
    const first = this.options.first?.config;
    try {
      return await (first?.path === configPath && first.sha === sha
        ? first.text
        : readFileAt(this.client, this.options.repo, configPath, sha));
    } catch (error) {
      throw readFailed(`the config at the base commit ${sha.slice(0, 7)}`, error, configPath);
    }
  }

  async pullRequest(): Promise<PullRequestInfo> {
    const pr = await this.pull();
    return {
      body: pr.body,
      draft: pr.draft,
      facts: { labels: pr.labels, baseBranch: pr.baseRef, author: pr.author, title: pr.title },
    };
  }

  /** The pull request's changed files, with their patches, read once. */
  listed(): Promise<ListedFile[]> {
    const asked = this.options.first?.files ?? listChangedFiles(this.client, this.options.repo, this.options.number);
    this.fileList ??= asked.catch((error: unknown) => {
      throw readFailed('the list of changed files', error);
    });
    return this.fileList;
  }

  async changedFiles(): Promise<ChangedFiles> {
    const [files, pr] = await Promise.all([this.listed(), this.pull()]);
    return {
      files: files.map((f) => ({
        path: f.path,
        ...(f.previous ? { previous: f.previous } : {}),
        ...(f.status === 'removed' ? { removed: true as const } : {}),
      })),
      total: pr.changedFileCount,
      // Only code is judged by its changed lines.
      lines: Object.fromEntries(
        files.flatMap((f) => (f.patch !== undefined && languageOf(f.path) ? [[f.path, changedLines(f.patch)]] : [])),
      ),
    };
  }

  get eventDescription(): string | undefined {
    return this.options.eventBody;
  }

  sent(): Promise<void> {
    return requestsSent(this.client);
  }

  async read(file: FileRead): Promise<string | undefined | Unread> {
    try {
      const pr = await this.pull();
      const ref = file.fromBase ? pr.baseSha : pr.headSha;
      // A runbook the event's description links, read with the first round: the same file at the same commit.
      const ahead = file.fromBase ? undefined : this.options.first?.ahead.get(file.path);
      if (ahead?.sha === ref && ahead.maxBytes === (file.maxBytes ?? MAX_FILE_BYTES)) return await ahead.text;
      return await readFileAt(this.client, this.options.repo, file.path, ref, file.maxBytes);
    } catch (error) {
      // The document is named in the finding already: the status and GitHub's message are enough.
      const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      const status = error instanceof RequestError && error.response ? `GitHub answered ${error.status}: ` : '';
      return { kind: 'failed', reason: `${status}${reason}` };
    }
  }

  async list(folder: string): Promise<string[]> {
    try {
      const pr = await this.pull();
      return await listFolderAt(this.client, this.options.repo, folder, pr.headSha);
    } catch (error) {
      throw readFailed(`the folder ${folder}`, error);
    }
  }

  async tree(): Promise<{ paths: string[]; truncated: boolean }> {
    try {
      const pr = await this.pull();
      return await listTreeAt(this.client, this.options.repo, pr.headSha, MAX_TREE_FILES);
    } catch (error) {
      throw readFailed("the repository's list of files", error);
    }
  }

  async mentions(names: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const name of names) {
      try {
        for (const path of await searchCode(this.client, this.options.repo, name, MAX_MENTIONS)) found.add(path);
      } catch (error) {
        throw readFailed(`the search for files that link ${name}`, error);
      }
    }
    return [...found].slice(0, MAX_MENTIONS);
  }

  async teamApprovals(lists: readonly (readonly string[])[], allowStaleApproval: boolean): Promise<ApprovalFacts> {
    try {
      const pr = await this.pull();
      return await readReviewerAuthority(this.client, this.options.repo, pr, lists, { allowStaleApproval });
    } catch (error) {
      if (error instanceof ReadFailed) throw error;
      const what = 'the reviews and teams the services of this pull request owe an approval';
      if (error instanceof TooMany) throw new ReadFailed(what, error.message, PULL_REQUEST, false);
      throw readFailed(what, error);
    }
  }

  async reviews(config: ResolvedConfig): Promise<ReviewData> {
    const approvalsWanted = config.when.some((w) => w.require.approvals > 0);
    if (!config.signOff && !approvalsWanted) return { notes: [] };
    const { client } = this;
    const { repo } = this.options;
    try {
      const pr = await this.pull();
      const data = config.signOff
        ? await readSignOffData(client, repo, pr, config.signOff, this.comments())
        : undefined;
      const approvals = approvalsWanted
        ? await readApprovalFacts(client, repo, pr, config.when, {
            allowStaleApproval: config.signOff?.allowStaleApproval ?? false,
            ...(data ? { reviews: Promise.resolve(data.facts.reviews) } : {}),
          })
        : undefined;
      return {
        ...(data ? { reviews: data.facts } : {}),
        ...(approvals ? { approvals } : {}),
        notes: data?.notes ?? [],
      };
    } catch (error) {
      if (error instanceof ReadFailed) throw error;
      const what = 'the reviews, comments and reviewers that sign-off and approvals rest on';
      if (error instanceof TooMany) throw new ReadFailed(what, error.message, PULL_REQUEST, false);
      throw readFailed(what, error);
    }
  }
}

/** One line on why a request failed: GitHub's status, the request and its message. */
export function explain(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (!(error instanceof RequestError)) return message;
  // Octokit reports a request that got no answer at all as status 500 without a response.
  if (!error.response) return `could not reach GitHub on ${describeRequest(error)}: ${message}`;
  return `GitHub answered ${error.status} on ${describeRequest(error)}: ${message}`;
}

function readFailed(what: string, error: unknown, source?: string): ReadFailed {
  return new ReadFailed(what, explain(error), source);
}
