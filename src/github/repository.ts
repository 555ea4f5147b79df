/** Reads from the repository: the pull request, its changed files, file contents at a commit. */
import { RequestError } from '@octokit/request-error';
import type { GitHubClient } from './client.js';
import { MAX_FILE_BYTES, decodeText, overLimit } from '../model/file-bytes.js';

export interface Repo {
  owner: string;
  repo: string;
}

export interface PullRequest {
  number: number;
  body: string;
  draft: boolean;
  author: string;
  labels: string[];
  headSha: string;
  baseSha: string;
  /** The base branch's name. */
  baseRef: string;
  title: string;
  /** How many files GitHub says the pull request changes (its list stops at 3,000). */
  changedFileCount: number;
  htmlUrl: string;
}

export async function getPullRequest(client: GitHubClient, repo: Repo, number: number): Promise<PullRequest> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    ...repo,
    pull_number: number,
  });
  return {
    number: data.number,
    body: data.body ?? '',
    draft: Boolean(data.draft),
    author: data.user.login,
    labels: data.labels.map((l) => l.name),
    headSha: data.head.sha,
    baseSha: data.base.sha,
    baseRef: data.base.ref,
    title: data.title,
    changedFileCount: data.changed_files ?? 0,
    htmlUrl: data.html_url,
  };
}

export interface ListedFile {
  path: string;
  status: string;
  /** The old path of a renamed file. */
  previous?: string;
  /** The diff GitHub shows, when it shows one (not for a binary or very large change). */
  patch?: string;
}

/** Every file the pull request changes, removed ones and renames' old paths included, every page (GitHub stops at 3,000). */
export async function listChangedFiles(client: GitHubClient, repo: Repo, number: number): Promise<ListedFile[]> {
  const files = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
    ...repo,
    pull_number: number,
    per_page: 100,
  });
  return files.map((f) => ({
    path: f.filename,
    status: f.status,
    ...(f.previous_filename ? { previous: f.previous_filename } : {}),
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
  }));
}

/** A file's text at a commit, or undefined when there is no such file; throws for a folder, a submodule or a link. */
/** The regular files of a folder at a commit (not its subfolders); none when there is no such folder. */
export async function listFolderAt(client: GitHubClient, repo: Repo, path: string, ref: string): Promise<string[]> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path, ref });
    if (!Array.isArray(data)) return [];
    return data.filter((entry) => entry.type === 'file').map((entry) => entry.path);
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) return [];
    throw error;
  }
}

/**
 * Every file (blob) of a commit's tree, with one recursive listing; GitHub
 * stops at 100,000 entries or 7 MB and says `truncated`.
 */
export async function listTreeAt(
  client: GitHubClient,
  repo: Repo,
  ref: string,
  max: number,
): Promise<{ paths: string[]; truncated: boolean }> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
    ...repo,
    tree_sha: ref,
    recursive: 'true',
  });
  const blobs = data.tree.filter((e) => e.type === 'blob' && typeof e.path === 'string').map((e) => e.path!);
  return { paths: blobs.slice(0, max), truncated: data.truncated || blobs.length > max };
}

/**
 * The files of the repository's default branch that GitHub's code search
 * finds a term in: one search, at most `max` paths. Code search reads only
 * the default branch, files under 384 KB, and answers 10 searches a minute.
 */
export async function searchCode(client: GitHubClient, repo: Repo, term: string, max: number): Promise<string[]> {
  // A quoted term is searched as it is written; the quotes it holds are dropped, not escaped.
  const q = `"${term.replaceAll('"', '')}" repo:${repo.owner}/${repo.repo}`;
  const { data } = await client.request('GET /search/code', { q, per_page: Math.min(max, 100) });
  return data.items.map((item) => item.path);
}

export async function readFileAt(
  client: GitHubClient,
  repo: Repo,
  path: string,
  ref: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<string | undefined> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', { ...repo, path, ref });
    // Octokit hands over the raw text when an answer is not valid JSON (cut short, say).
    if (typeof data !== 'object' || data === null) throw new Error("GitHub's answer was not complete JSON");
    // A folder, a submodule or a link that leads out of the repository is there, but is no document: as on disk.
    if (Array.isArray(data) || data.type !== 'file') throw new Error('it is not a regular file');
    if (data.size > maxBytes) throw new Error(overLimit(data.size, maxBytes));
    // Over 1 MB the JSON answer has no content: the raw media type serves the bytes themselves.
    if (!('content' in data) || (data.encoding !== 'base64' && data.content === '')) {
      if (maxBytes <= MAX_FILE_BYTES) throw new Error(overLimit(data.size, maxBytes));
      return decodeText(await readRawAt(client, repo, path, ref, maxBytes));
    }
    return decodeText(Buffer.from(data.content, 'base64'));
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * A file's bytes at a commit, with the raw media type, at most `maxBytes` of
 * them. Octokit hands binary answers over as bytes (decoded here, UTF-16
 * included) and text answers as text.
 */
async function readRawAt(client: GitHubClient, repo: Repo, path: string, ref: string, maxBytes: number) {
  const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
    ...repo,
    path,
    ref,
    mediaType: { format: 'raw' },
  });
  const raw: unknown = data;
  const bytes =
    typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw instanceof ArrayBuffer ? Buffer.from(raw) : undefined;
  if (!bytes) throw new Error("GitHub's raw answer was not the file's bytes");
  if (bytes.length > maxBytes) throw new Error(overLimit(bytes.length, maxBytes));
  return bytes;
}
