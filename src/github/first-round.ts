/**
 * The action's first round of requests, asked for as soon as the event is
 * read and before the rest of the action is loaded: the pull request, its
 * changed files, its comments, and at the commits the event names, the
 * config, where the templates are, and the runbooks the event's description
 * links. Loading the checking code then overlaps the wait for the answers.
 *
 * Each is a promise of GitHub's answer as it comes, errors and all:
 * `GitHubSource` adopts them in place of its own requests and explains a
 * failure as it would its own. Nothing here decides anything; this module
 * imports no more than the requests need, so that it loads in a few
 * milliseconds.
 */
import type { GitHubClient } from './client.js';
import { listComments, type IssueComment } from './comment.js';
import {
  getPullRequest,
  listChangedFiles,
  readFileAt,
  type ListedFile,
  type PullRequest,
  type Repo,
} from './repository.js';
import { findTemplates } from './templates.js';
import { MAX_FILE_BYTES } from '../model/file-bytes.js';
import { linkedAhead } from '../model/link-targets.js';
import type { Repository } from '../model/spec.js';

/** The most runbooks read ahead from the event's description; the rest wait for the pull request, as before. */
export const READ_AHEAD_FILES = 5;

export interface FirstRoundOptions {
  repo: Repo;
  number: number;
  /** The config's path at the base commit. */
  configPath: string;
  /** This repository as links name it (`github.com`, owner, name). */
  repository: Repository;
  /** Whether the comments are read (for the comment the action keeps). */
  comments: boolean;
  /** The commits and the description the event names, when it names them. */
  event?: { baseSha?: string; headSha?: string; body?: string };
}

/** A file read at a commit, within a bound. */
export interface ReadAt {
  path: string;
  sha: string;
  maxBytes: number;
  text: Promise<string | undefined>;
}

export interface FirstRound {
  pull: Promise<PullRequest>;
  files: Promise<ListedFile[]>;
  comments?: Promise<IssueComment[]>;
  /** The config at the base commit the event names. */
  config?: ReadAt;
  /** Where the templates are at the base commit the event names. */
  templates?: { sha: string; paths: Promise<string[]> };
  /**
   * The Markdown files the event's description links, by path, at the head
   * commit the event names: likely its runbooks (the team's settings, which
   * say where runbooks are linked, are not read yet). What the fresh
   * description links decides what is read and checked; these only spare
   * a request when they are the same file at the same commit.
   */
  ahead: Map<string, ReadAt>;
}

/** Asks for the first round; every promise is already caught, so one nobody awaits fails nothing. */
export function startFirstRound(client: GitHubClient, options: FirstRoundOptions): FirstRound {
  const { repo, number, event } = options;
  const quiet = <T>(promise: Promise<T>): Promise<T> => {
    promise.catch(() => {});
    return promise;
  };
  const readAt = (path: string, sha: string): ReadAt => ({
    path,
    sha,
    maxBytes: MAX_FILE_BYTES,
    text: quiet(readFileAt(client, repo, path, sha, MAX_FILE_BYTES)),
  });
  const ahead = new Map<string, ReadAt>();
  if (event?.body !== undefined && event.headSha) {
    for (const path of linkedAhead(event.body, options.repository, READ_AHEAD_FILES)) {
      ahead.set(path, readAt(path, event.headSha));
    }
  }
  return {
    pull: quiet(getPullRequest(client, repo, number)),
    files: quiet(listChangedFiles(client, repo, number)),
    ...(options.comments ? { comments: quiet(listComments(client, repo, number)) } : {}),
    ...(event?.baseSha
      ? {
          config: readAt(options.configPath, event.baseSha),
          templates: { sha: event.baseSha, paths: quiet(findTemplates(client, repo, event.baseSha)) },
        }
      : {}),
    ahead,
  };
}
