/**
 * A local GitHub for tests, on 127.0.0.1 only. It answers the REST calls the
 * action makes with GitHub's shapes, keeps state (pull requests, files per
 * commit, comments, check runs), and rejects what GitHub would: a route or a
 * body that does not fit GitHub's published OpenAPI description (the subset
 * in test/openapi/github-subset.json), a missing token, a write with a
 * read-only token, a comment over 65,536 characters.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { ROOT } from '../helpers.js';
import { unifiedPatch } from './diff.js';

interface Operation {
  operationId: string;
  parameters: { name: string; in: string; required: boolean; schema: object }[];
  requestBody?: { required: boolean; schema: object };
}

const SUBSET = JSON.parse(readFileSync(path.join(ROOT, 'test/openapi/github-subset.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false, coerceTypes: false });
const routes = Object.entries(SUBSET.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, op]) => {
    const names: string[] = [];
    const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return name === 'path' ? '(.+)' : '([^/]+)';
    });
    const params = Object.fromEntries(
      op.parameters
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => [`${p.in}:${p.name}`, ajv.compile(p.schema)]),
    );
    return {
      method: method.toUpperCase(),
      template,
      regex: new RegExp(`^${pattern}$`),
      names,
      op,
      params,
      body: op.requestBody ? ajv.compile(op.requestBody.schema) : undefined,
    };
  }),
);

export interface RecordedRequest {
  /** Headers as sent, names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** When the request arrived and when its answer was sent, in ms on the server's clock. */
  start: number;
  end: number;
}

export interface Comment {
  id: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
  createdAt: string;
  /** Who last edited it and when, when someone did. */
  editor?: string;
  editedAt?: string;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string; annotations: unknown[] };
}

export interface PullState {
  number: number;
  body: string | null;
  headSha: string;
  baseSha: string;
  author: string;
  labels: string[];
  draft: boolean;
  /**
   * Files the pull request changes: path and status (and the old path of a
   * rename). Their `patch` is the diff of the file at the base and head
   * commits, as GitHub computes it, unless given here; null for a diff
   * GitHub does not show (too large).
   */
  files: PullFile[];
  title?: string;
  /** The base branch; `main` when unset. */
  baseRef?: string;
}

export interface PullFile {
  filename: string;
  status: string;
  previous_filename?: string;
  patch?: string | null;
}

/** A comment on a line of a pull request's diff, alone or in a review. */
export interface ReviewComment {
  id: number;
  reviewId: number;
  login: string;
  type: 'Bot' | 'User';
  body: string;
  path: string;
  line: number;
  startLine?: number;
  commitId: string;
  inReplyTo?: number;
}

/** A canned answer for the next matching requests, e.g. a 502 or a rate limit. */
export interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  message: string;
  times: number;
  /** A body sent as is instead of `{ message }`, e.g. JSON cut short. */
  raw?: string;
}

export interface Identity {
  login: string;
  type: 'Bot' | 'User';
  write: boolean;
  /** Whether the token may read organisation teams (read:org, or an App with Members: read). */
  readOrg: boolean;
}

export interface Review {
  id: number;
  login: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit_id: string;
  submitted_at: string;
  body: string;
  editor?: string;
  editedAt?: string;
}

/** One version of the description, as GraphQL's `userContentEdits` gives it. */
export interface ContentEdit {
  editedAt: string;
  editor: string;
  body: string;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  /** Requests being answered now, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  /** How long each answer takes, in ms, so that requests made at once overlap here too. */
  latency = 0;
  /** Requests GitHub would have rejected as malformed: a test that sees any has found a bug. */
  readonly violations: string[] = [];
  readonly pulls = new Map<number, PullState>();
  /** File contents by commit SHA, then path. */
  readonly trees = new Map<string, Map<string, string>>();
  readonly comments: Comment[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly faults: Fault[] = [];
  readonly tokens = new Map<string, Identity>([
    ['ghs_write', { login: 'github-actions[bot]', type: 'Bot', write: true, readOrg: false }],
    ['ghs_read', { login: 'github-actions[bot]', type: 'Bot', write: false, readOrg: false }],
    ['ghs_app', { login: 'readiness-app[bot]', type: 'Bot', write: true, readOrg: true }],
  ]);
  readonly reviews: Review[] = [];
  /** Comments on the diff's lines, in reviews; replies name the comment they answer. */
  readonly reviewComments: ReviewComment[] = [];
  /** Members of `org/team`. */
  readonly teams = new Map<string, string[]>();
  /** The description's versions, oldest first; empty when never edited. */
  readonly edits: ContentEdit[] = [];
  /** The default branch, for `readiness-gate doctor`; its files are `trees.get(defaultBranch)`. */
  defaultBranch = 'main';
  /** Trees listed (`GET …/git/trees/{sha}`), and whether GitHub says it cut the listing short. */
  treeReads = 0;
  treeTruncated = false;
  /** The default branch's protection: its required checks, none (404), or unreadable with this token (403). */
  protection: { contexts: string[] } | 'none' | 'forbidden' = 'none';
  /** Rules on the default branch from rulesets, as `GET /rules/branches/{branch}` lists them. */
  readonly rules: { type: string; parameters?: Record<string, unknown>; ruleset_id?: number }[] = [];
  createdAt = '2026-11-20T10:00:00Z';
  /** Called after a pull request is read, to move it on between two reads (a push during the run). */
  onPullRead?: (pull: PullState, count: number) => void;
  /** Called as a comment is about to be created: a test can play a concurrent run here. */
  onCommentCreate?: () => void;
  /** GraphQL sign-off queries answered. */
  graphqlPages = 0;
  /** Code searches answered. */
  codeSearches = 0;
  /** Code search refused, as GitHub refuses a token that may not search (403). */
  searchRefused = false;
  private nextId = 1000;
  private pullReads = 0;
  private server?: Server;
  url = '';

  constructor(
    readonly owner = 'octo-org',
    readonly repo = 'octo-repo',
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
      res.on('close', () => this.inFlight--);
      this.handle(req, res).catch((error: unknown) => {
        this.send(res, 500, { message: String(error) });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  setFile(sha: string, file: string, text: string): void {
    if (!this.trees.has(sha)) this.trees.set(sha, new Map());
    this.trees.get(sha)!.set(file, text);
  }

  addReview(login: string, state: Review['state'], commitId: string, body = '', at = '2026-11-20T12:00:00Z'): Review {
    const review = { id: this.nextId++, login, state, commit_id: commitId, submitted_at: at, body };
    this.reviews.push(review);
    return review;
  }

  /** Someone replies to a review comment, as GitHub threads it. */
  replyTo(comment: ReviewComment, login: string, body: string): ReviewComment {
    const reply = { ...comment, id: this.nextId++, login, type: 'User' as const, body, inReplyTo: comment.id };
    this.reviewComments.push(reply);
    return reply;
  }

  /** A file's `patch` in the list of changed files: given, or the diff of its base and head versions. */
  patchOf(pull: PullState, file: PullFile): string | undefined {
    if (file.patch !== undefined) return file.patch ?? undefined;
    const before =
      file.status === 'added' ? undefined : this.trees.get(pull.baseSha)?.get(file.previous_filename ?? file.filename);
    const after = file.status === 'removed' ? undefined : this.trees.get(pull.headSha)?.get(file.filename);
    return unifiedPatch(before, after);
  }

  /** Records an edit of the description by `editor`, which becomes its body. */
  editBody(editor: string, body: string, at: string, number = 7): void {
    const pull = this.pulls.get(number)!;
    if (this.edits.length === 0)
      this.edits.push({ editedAt: this.createdAt, editor: pull.author, body: pull.body ?? '' });
    this.edits.push({ editedAt: at, editor, body });
    pull.body = body;
  }

  addComment(body: string, login: string, type: 'Bot' | 'User' = 'User', createdAt = '2026-11-20T11:00:00Z'): Comment {
    const comment = { id: this.nextId++, body, login, type, createdAt };
    this.comments.push(comment);
    return comment;
  }

  /** Someone with write access edits a comment or a review body, as GitHub lets them. */
  editText(target: Comment | Review, editor: string, body: string, at = '2026-11-22T09:00:00Z'): void {
    target.body = body;
    target.editor = editor;
    target.editedAt = at;
  }

  /** Requests other than those the test itself made, as `METHOD /path`. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  /**
   * How many rounds of requests the client waited for: the longest chain of
   * requests each sent after the one before it was answered. Requests sent
   * together are one round, however many there are.
   */
  rounds(requests: readonly RecordedRequest[] = this.requests): number {
    const depth: number[] = [];
    const sorted = [...requests].sort((a, b) => a.start - b.start);
    sorted.forEach((r, i) => {
      let before = 0;
      for (let j = 0; j < i; j++) if (sorted[j]!.end <= r.start) before = Math.max(before, depth[j]!);
      depth.push(before + 1);
    });
    return Math.max(0, ...depth);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const start = performance.now();
    if (this.latency > 0) await new Promise((resolve) => setTimeout(resolve, this.latency));
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    const query = Object.fromEntries(url.searchParams);
    // Recorded as the answer goes out: a client reading it now has waited for it.
    const record = (status: number) =>
      this.requests.push({
        headers: req.headers,
        method,
        path: decodeURIComponent(url.pathname),
        query,
        body,
        status,
        start,
        end: performance.now(),
      });

    const reject = (status: number, message: string, violation = true) => {
      if (violation) this.violations.push(`${method} ${url.pathname}: ${message}`);
      record(status);
      this.send(res, status, { message, documentation_url: 'https://docs.github.com/rest' });
    };

    const auth = req.headers.authorization ?? '';
    const identity = this.tokens.get(auth.replace(/^(token|bearer) /i, ''));
    if (!identity) return reject(401, 'Bad credentials', false);

    if (method === 'POST' && url.pathname === '/graphql') {
      try {
        body = JSON.parse(raw);
      } catch {
        return reject(400, 'Problems parsing JSON');
      }
      const [status, data] = this.graphql(body as { query?: string; variables?: Record<string, unknown> });
      if (data && typeof data === 'object' && 'errors' in data && !('data' in data)) {
        this.violations.push(`POST /graphql: ${JSON.stringify((data as { errors: unknown }).errors)}`);
      }
      record(status);
      this.send(res, status, data);
      return;
    }
    const route = routes.find((r) => r.method === method && r.regex.test(url.pathname));
    if (!route) return reject(404, `no such route in GitHub's API: ${method} ${url.pathname}`);
    const match = route.regex.exec(url.pathname)!;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1]!)));

    for (const p of route.op.parameters) {
      const value = p.in === 'path' ? params[p.name] : query[p.name];
      if (value === undefined) {
        if (p.required && p.in === 'query') return reject(422, `missing query parameter ${p.name}`);
        continue;
      }
      const check = route.params[`${p.in}:${p.name}`] as ValidateFunction | undefined;
      if (check && !check(coerce(value, p.schema))) {
        return reject(422, `${p.in} parameter ${p.name}=${value} does not fit: ${ajv.errorsText(check.errors)}`);
      }
    }
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return reject(400, 'Problems parsing JSON');
      }
    }
    if (route.body) {
      if (body === undefined && route.op.requestBody?.required) return reject(422, 'a request body is required');
      if (body !== undefined && !route.body(body)) {
        return reject(422, `Invalid request: ${ajv.errorsText(route.body.errors, { dataVar: 'body' })}`);
      }
    }
    if (params.org !== undefined) {
      if (!identity.readOrg) return reject(403, 'Resource not accessible by integration', false);
    } else if (route.template.startsWith('/repos/') && (params.owner !== this.owner || params.repo !== this.repo)) {
      // A search names its repository in its query, and is refused there.
      return reject(404, 'Not Found', false);
    }

    const fault = this.faults.find(
      (f) => f.times > 0 && f.path.test(url.pathname) && (!f.method || f.method === method),
    );
    if (fault) {
      fault.times--;
      record(fault.status);
      if (fault.raw !== undefined) {
        res.writeHead(fault.status, { 'content-type': 'application/json; charset=utf-8', ...fault.headers });
        res.end(fault.raw);
        return;
      }
      this.send(res, fault.status, { message: fault.message }, fault.headers);
      return;
    }
    if (method !== 'GET' && !identity.write) {
      return reject(403, 'Resource not accessible by integration', false);
    }
    const accept = String(req.headers.accept ?? '');
    if (route.template === '/repos/{owner}/{repo}/contents/{path}' && /\bvnd\.github(?:\.v3)?\.raw\b/.test(accept)) {
      // The raw media type: a file's bytes themselves, up to 100 MB, not a JSON answer.
      const text = this.trees.get(query.ref ?? 'main')?.get(params.path!);
      if (text === undefined) return reject(404, 'Not Found', false);
      record(200);
      res.writeHead(200, {
        'content-type': 'application/vnd.github.raw',
        'x-github-media-type': 'github.v3; param=raw',
      });
      res.end(Buffer.from(text, 'utf8'));
      return;
    }
    const [status, data, headers] = this.answer(route.template, method, params, query, body, identity, url);
    record(status);
    this.send(res, status, data, headers);
  }

  private answer(
    template: string,
    method: string,
    params: Record<string, string>,
    query: Record<string, string>,
    body: unknown,
    identity: Identity,
    url: URL,
  ): [number, unknown, Record<string, string>?] {
    const notFound: [number, unknown] = [
      404,
      { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
    ];
    const input = (body ?? {}) as Record<string, unknown>;
    switch (`${method} ${template}`) {
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}': {
        const pull = this.pulls.get(Number(params.pull_number));
        if (!pull) return notFound;
        const data = pullResponse(this, pull);
        this.pullReads++;
        this.onPullRead?.(pull, this.pullReads);
        return [200, data];
      }
      case 'GET /repos/{owner}/{repo}': {
        const full = `${this.owner}/${this.repo}`;
        return [
          200,
          {
            id: 1296269,
            node_id: 'R_1',
            name: this.repo,
            full_name: full,
            private: false,
            owner: user(this.owner, 'User'),
            html_url: `https://github.com/${full}`,
            url: `https://api.github.com/repos/${full}`,
            default_branch: this.defaultBranch,
          },
        ];
      }
      case 'GET /repos/{owner}/{repo}/branches/{branch}/protection': {
        if (params.branch !== this.defaultBranch || this.protection === 'none') {
          return [404, { message: 'Branch not protected', documentation_url: 'https://docs.github.com/rest' }];
        }
        if (this.protection === 'forbidden') {
          return [
            403,
            { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
          ];
        }
        const url = `https://api.github.com/repos/${this.owner}/${this.repo}/branches/${params.branch}/protection`;
        const { contexts } = this.protection;
        return [
          200,
          {
            url,
            required_status_checks: {
              url: `${url}/required_status_checks`,
              strict: true,
              contexts,
              checks: contexts.map((context) => ({ context, app_id: null })),
              contexts_url: `${url}/required_status_checks/contexts`,
            },
          },
        ];
      }
      case 'GET /repos/{owner}/{repo}/rules/branches/{branch}':
        return [
          200,
          params.branch === this.defaultBranch
            ? this.rules.map((r) => ({
                ...r,
                ruleset_source_type: 'Repository',
                ruleset_source: `${this.owner}/${this.repo}`,
                ruleset_id: r.ruleset_id ?? 42,
              }))
            : [],
        ];
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}': {
        // A pull request is an issue too; only the bench's comparison action reads it this way.
        const pull = this.pulls.get(Number(params.issue_number));
        if (!pull) return notFound;
        const { url, id, node_id, html_url, number, state, locked, title, user, body, labels } = pullResponse(
          this,
          pull,
        );
        const issue = { url, id, node_id, html_url, number, state, locked, title, user, body, labels };
        return [200, { ...issue, comments: this.comments.length, pull_request: { url, html_url } }];
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': {
        const pull = this.pulls.get(Number(params.pull_number));
        if (!pull) return notFound;
        // GitHub lists at most 3,000 files of a pull request.
        return paginate(
          pull.files.slice(0, 3000).map((f, i) => fileResponse(f, i, this.patchOf(pull, f))),
          query,
          url,
        );
      }
      case 'GET /repos/{owner}/{repo}/contents/{path}': {
        const ref = query.ref ?? 'main';
        const text = this.trees.get(ref)?.get(params.path!);
        if (text === undefined) {
          // A folder: GitHub lists what is in it, one entry each.
          const prefix = `${params.path!.replace(/\/$/, '')}/`;
          const inside = [...(this.trees.get(ref)?.keys() ?? [])].filter((p) => p.startsWith(prefix));
          if (inside.length === 0) return notFound;
          const names = [...new Set(inside.map((p) => p.slice(prefix.length).split('/')[0]!))].sort();
          return [
            200,
            names.map((name) => {
              const file = `${prefix}${name}`;
              const type = this.trees.get(ref)!.has(file) ? 'file' : 'dir';
              return {
                type,
                name,
                path: file,
                sha: '0'.repeat(40),
                size: 0,
                url: '',
                html_url: null,
                git_url: null,
                download_url: null,
                _links: {},
              };
            }),
          ];
        }
        return [200, contentResponse(this, params.path!, ref, text)];
      }
      case 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': {
        // A commit's tree: its files (blobs) and folders (trees); with `recursive`, all of them, else the top level.
        const tree = this.trees.get(params.tree_sha!);
        if (!tree) return [404, { message: 'Not Found' }];
        this.treeReads++;
        const recursive = query.recursive !== undefined && query.recursive !== '';
        const folders = new Set<string>();
        for (const file of tree.keys()) {
          const parts = file.split('/');
          for (let n = 1; n < parts.length; n++) folders.add(parts.slice(0, n).join('/'));
        }
        const entries = [
          ...[...folders].map((path) => ({ path, mode: '040000', type: 'tree', sha: '0'.repeat(40) })),
          ...[...tree].map(([path, text]) => ({
            path,
            mode: '100644',
            type: 'blob',
            sha: '0'.repeat(40),
            size: Buffer.byteLength(text),
            url: `${this.url}/repos/${this.owner}/${this.repo}/git/blobs/${'0'.repeat(40)}`,
          })),
        ]
          .filter((e) => recursive || !e.path.includes('/'))
          .sort((a, b) => (a.path < b.path ? -1 : 1));
        return [
          200,
          {
            sha: params.tree_sha,
            url: `${this.url}/repos/${this.owner}/${this.repo}/git/trees/${params.tree_sha}`,
            tree: entries,
            truncated: this.treeTruncated,
          },
        ];
      }
      case 'GET /search/code': {
        // GitHub searches the default branch's files, and only a repository the query names that the token reads.
        const q = query.q ?? '';
        const repoQualifier = /(?:^|\s)repo:(\S+)/.exec(q)?.[1];
        if (repoQualifier?.toLowerCase() !== `${this.owner}/${this.repo}`.toLowerCase()) {
          return [
            422,
            {
              message: 'Validation Failed',
              errors: [{ message: 'The listed users and repositories cannot be searched.' }],
            },
          ];
        }
        const terms = [...q.replace(/(?:^|\s)\w+:\S+/g, ' ').matchAll(/"([^"]+)"|(\S+)/g)].map((m) =>
          (m[1] ?? m[2]!).toLowerCase(),
        );
        if (terms.length === 0) return [422, { message: 'Validation Failed' }];
        if (this.searchRefused) return [403, { message: 'Resource not accessible by integration' }];
        this.codeSearches++;
        const indexed =
          this.trees.get(this.defaultBranch) ?? this.trees.get([...this.pulls.values()][0]?.baseSha ?? '');
        const found = [...(indexed ?? new Map<string, string>())]
          .filter(([, text]) => text.length < 384 * 1024 && terms.every((t) => text.toLowerCase().includes(t)))
          .map(([file]) => ({
            name: file.slice(file.lastIndexOf('/') + 1),
            path: file,
            sha: '0'.repeat(40),
            url: `${this.url}/repos/${this.owner}/${this.repo}/contents/${file}`,
            git_url: `${this.url}/repos/${this.owner}/${this.repo}/git/blobs/${'0'.repeat(40)}`,
            html_url: `https://github.com/${this.owner}/${this.repo}/blob/${this.defaultBranch}/${file}`,
            repository: { id: 1, name: this.repo, full_name: `${this.owner}/${this.repo}` },
            score: 1,
          }));
        const perPage = Math.min(Number(query.per_page ?? 30), 100);
        return [200, { total_count: found.length, incomplete_results: false, items: found.slice(0, perPage) }];
      }
      case 'POST /repos/{owner}/{repo}/check-runs': {
        const output = (input.output ?? {}) as { title?: string; summary?: string; annotations?: unknown[] };
        if (input.status === 'completed' && !input.conclusion)
          return [422, { message: 'conclusion is required when status is completed' }];
        const run: CheckRun = {
          id: this.nextId++,
          name: String(input.name),
          head_sha: String(input.head_sha),
          status: String(input.status ?? 'queued'),
          conclusion: (input.conclusion as string | undefined) ?? null,
          output: { title: output.title, summary: output.summary, annotations: [...(output.annotations ?? [])] },
        };
        this.checkRuns.push(run);
        return [201, checkRunResponse(this, run)];
      }
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        const run = this.checkRuns.find((r) => r.id === Number(params.check_run_id));
        if (!run) return notFound;
        const output = (input.output ?? {}) as { title?: string; summary?: string; annotations?: unknown[] };
        run.output.title = output.title ?? run.output.title;
        run.output.summary = output.summary ?? run.output.summary;
        run.output.annotations.push(...(output.annotations ?? []));
        return [200, checkRunResponse(this, run)];
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews':
        if (!this.pulls.has(Number(params.pull_number))) return notFound;
        return paginate(
          this.reviews.map((r) => reviewResponse(this, r)),
          query,
          url,
        );
      case 'GET /orgs/{org}/teams/{team_slug}': {
        const name = `${params.org}/${params.team_slug}`;
        if (!this.teams.has(name)) return notFound;
        return [
          200,
          {
            id: 1,
            node_id: 'T_1',
            name: params.team_slug,
            slug: params.team_slug,
            description: null,
            privacy: 'closed',
            permission: 'pull',
            url: '',
            html_url: '',
            members_url: '',
            repositories_url: '',
            parent: null,
            members_count: this.teams.get(name)!.length,
            repos_count: 1,
            created_at: '2026-01-01T00:00:00Z',
            updated_at: '2026-01-01T00:00:00Z',
            organization: { login: params.org },
          },
        ];
      }
      case 'GET /orgs/{org}/teams/{team_slug}/memberships/{username}': {
        const members = this.teams.get(`${params.org}/${params.team_slug}`);
        if (!members?.includes(params.username!)) return notFound;
        return [200, { url: '', role: 'member', state: 'active' }];
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments':
        return paginate(
          this.comments.map((c) => commentResponse(this, c)),
          query,
          url,
        );
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        if (!this.pulls.has(Number(params.issue_number))) return notFound;
        this.onCommentCreate?.();
        const text = String(input.body);
        if (text.length > 65_536)
          return [
            422,
            {
              message: 'Validation Failed',
              errors: [
                {
                  resource: 'IssueComment',
                  code: 'custom',
                  field: 'body',
                  message: 'body is too long (maximum is 65536 characters)',
                },
              ],
            },
          ];
        const comment = this.addComment(text, identity.login, identity.type);
        return [201, commentResponse(this, comment)];
      }
      case 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews': {
        const pull = this.pulls.get(Number(params.pull_number));
        if (!pull) return notFound;
        const event = input.event as string | undefined;
        const text = typeof input.body === 'string' ? input.body : '';
        if ((event === 'COMMENT' || event === 'REQUEST_CHANGES') && text === '') {
          return unprocessable(['Review body is required']);
        }
        const commitId = typeof input.commit_id === 'string' ? input.commit_id : pull.headSha;
        const requested = (input.comments ?? []) as {
          path: string;
          body: string;
          line?: number;
          side?: string;
          start_line?: number;
          start_side?: string;
        }[];
        // One comment GitHub cannot place fails the whole review, as GitHub does.
        for (const c of requested) {
          const problem = this.placement(pull, commitId, c);
          if (problem) {
            this.violations.push(`POST reviews: ${c.path}:${c.line}: ${problem}`);
            return unprocessable([problem]);
          }
          if (c.body.length > 65_536) return unprocessable(['body is too long (maximum is 65536 characters)']);
        }
        const review = this.addReview(
          identity.login,
          event === 'APPROVE'
            ? 'APPROVED'
            : event === 'REQUEST_CHANGES'
              ? 'CHANGES_REQUESTED'
              : event
                ? 'COMMENTED'
                : 'PENDING',
          commitId,
          text,
        );
        for (const c of requested) {
          this.reviewComments.push({
            id: this.nextId++,
            reviewId: review.id,
            login: identity.login,
            type: identity.type,
            body: c.body,
            path: c.path,
            line: c.line!,
            ...(c.start_line !== undefined ? { startLine: c.start_line } : {}),
            commitId,
          });
        }
        return [200, reviewResponse(this, review)];
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments': {
        if (!this.pulls.has(Number(params.pull_number))) return notFound;
        return paginate(
          this.reviewComments.map((c) => reviewCommentResponse(this, c)),
          query,
          url,
        );
      }
      case 'PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}': {
        const comment = this.reviewComments.find((c) => c.id === Number(params.comment_id));
        if (!comment) return notFound;
        if (comment.login !== identity.login) return [403, { message: 'Must have admin rights to Repository.' }];
        comment.body = String(input.body);
        return [200, reviewCommentResponse(this, comment)];
      }
      case 'DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}': {
        const at = this.reviewComments.findIndex((c) => c.id === Number(params.comment_id));
        if (at < 0) return notFound;
        if (this.reviewComments[at]!.login !== identity.login)
          return [403, { message: 'Must have admin rights to Repository.' }];
        this.reviewComments.splice(at, 1);
        return [204, undefined];
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const comment = this.comments.find((c) => c.id === Number(params.comment_id));
        if (!comment) return notFound;
        if (comment.login !== identity.login) return [403, { message: 'Must have admin rights to Repository.' }];
        const text = String(input.body);
        if (text.length > 65_536) return [422, { message: 'Validation Failed' }];
        comment.body = text;
        return [200, commentResponse(this, comment)];
      }
      case 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const at = this.comments.findIndex((c) => c.id === Number(params.comment_id));
        if (at < 0) return notFound;
        if (this.comments[at]!.login !== identity.login)
          return [403, { message: 'Must have admin rights to Repository.' }];
        this.comments.splice(at, 1);
        return [204, undefined];
      }
      default:
        return notFound;
    }
  }

  /**
   * Why GitHub would not place a review comment, if it would not: it must
   * name a changed file and, on the right side, a line the file's diff
   * shows, its range (`start_line`) within one hunk.
   */
  private placement(
    pull: PullState,
    commitId: string,
    c: { path: string; line?: number; side?: string; start_line?: number; start_side?: string },
  ): string | undefined {
    const file = pull.files.find((f) => f.filename === c.path);
    if (!file) return 'Path could not be resolved';
    if (commitId !== pull.headSha) return 'commit_id is not part of the pull request'; // the tests' pulls have one head
    if (c.line === undefined) return 'line is required (position is not used by the gate)';
    if ((c.side ?? 'RIGHT') !== 'RIGHT' || (c.start_side ?? 'RIGHT') !== 'RIGHT') return 'only RIGHT is placed here';
    const patch = this.patchOf(pull, file);
    const hunks = new Map<number, number>();
    let line = 0;
    let hunk = -1;
    for (const raw of (patch ?? '').split('\n')) {
      const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
      if (header) {
        line = Number(header[1]);
        hunk++;
      } else if (hunk >= 0 && (raw.startsWith('+') || raw.startsWith(' '))) hunks.set(line++, hunk);
    }
    const where = hunks.get(c.line);
    if (where === undefined) return 'Pull request review thread line must be part of the diff';
    if (c.start_line !== undefined) {
      if (c.start_line >= c.line) return 'start_line must precede line';
      if (hunks.get(c.start_line) !== where) return 'Pull request review thread start line must be in the same hunk';
    }
    return undefined;
  }

  /** The one GraphQL query the action makes: the description's edit history. */
  /**
   * The sign-off query: the description's edits, newest first as GitHub lists
   * them (git-bug's GitHub importer, bridge/github/iterator.go, reverses every
   * page: "github provide the comment edition in reverse chronological
   * order"), 100 a page with `first`/`after`; and who last edited each of the
   * newest 100 comments and reviews.
   */
  /**
   * The pull-request template query: aliases of `object(expression: $x)`
   * asking for a tree's entries, each expression `<commit>:<folder>`, as
   * GitHub answers it (null for a folder that is not there).
   */
  private folderQuery(query: string, vars: Record<string, unknown>): [number, unknown] | undefined {
    const aliases = [
      ...query.matchAll(/(\w+): object\(expression: \$(\w+)\) \{ \.\.\. on Tree \{ entries \{ name type \} \} \}/g),
    ];
    if (aliases.length === 0 || !/repository\(owner: \$owner, name: \$repo\)/.test(query)) return undefined;
    if (vars.owner !== this.owner || vars.repo !== this.repo) {
      return [
        200,
        { data: { repository: null }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a Repository' }] },
      ];
    }
    const repository: Record<string, unknown> = {};
    for (const [, alias, variable] of aliases) {
      const expression = vars[variable!];
      if (typeof expression !== 'string' || !expression.includes(':')) {
        return [200, { errors: [{ message: `Variable $${variable} of type String! was provided invalid value` }] }];
      }
      const [commit, folder] = [
        expression.slice(0, expression.indexOf(':')),
        expression.slice(expression.indexOf(':') + 1),
      ];
      const prefix = folder === '' ? '' : `${folder}/`;
      const entries = new Map<string, string>();
      for (const file of this.trees.get(commit)?.keys() ?? []) {
        if (!file.startsWith(prefix)) continue;
        const rest = file.slice(prefix.length);
        const slash = rest.indexOf('/');
        entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'blob' : 'tree');
      }
      repository[alias!] =
        entries.size === 0 ? null : { entries: [...entries].map(([name, type]) => ({ name, type })) };
    }
    return [200, { data: { repository } }];
  }

  private graphql(request: { query?: string; variables?: Record<string, unknown> }): [number, unknown] {
    const query = request.query ?? '';
    const vars = request.variables ?? {};
    const folders = this.folderQuery(query, vars);
    if (folders) return folders;
    const shape =
      /repository\(owner: \$owner, name: \$repo\)/.test(query) &&
      /pullRequest\(number: \$number\)/.test(query) &&
      /userContentEdits\(first: 100, after: \$after\)/.test(query) &&
      /pageInfo \{ hasNextPage endCursor \}/.test(query) &&
      /nodes \{ editedAt editor \{ login \} diff \}/.test(query) &&
      /comments\(last: 100\) @skip\(if: \$more\)/.test(query) &&
      /reviews\(last: 100\) @skip\(if: \$more\)/.test(query);
    // The query of readiness-gate 0.1.0, `userContentEdits(last: 100)`, answered as GitHub answers it, for
    // `node bench/hostile.mjs` to show that release's behaviour: in a list kept newest first, the last 100
    // are the oldest edits, and `hasPreviousPage` says newer ones exist.
    const before = /userContentEdits\(last: 100\)/.test(query) && /pageInfo \{ hasPreviousPage \}/.test(query);
    if (before && vars.owner === this.owner && vars.repo === this.repo && this.pulls.has(vars.number as number)) {
      const newestFirst = [...this.edits].reverse();
      const nodes = newestFirst
        .slice(-100)
        .map((e) => ({ editedAt: e.editedAt, editor: e.editor ? { login: e.editor } : null, diff: e.body }));
      const userContentEdits = { pageInfo: { hasPreviousPage: newestFirst.length > 100 }, nodes };
      const pullRequest = { createdAt: this.createdAt, includesCreatedEdit: this.edits.length > 0, userContentEdits };
      return [200, { data: { repository: { pullRequest } } }];
    }
    if (
      !shape ||
      typeof vars.owner !== 'string' ||
      typeof vars.repo !== 'string' ||
      typeof vars.number !== 'number' ||
      typeof vars.more !== 'boolean' ||
      (vars.after !== null && vars.after !== undefined && typeof vars.after !== 'string')
    ) {
      return [200, { errors: [{ message: 'this fake GitHub answers only the sign-off query, with its variables' }] }];
    }
    if (vars.owner !== this.owner || vars.repo !== this.repo || !this.pulls.has(vars.number)) {
      return [
        200,
        { data: { repository: null }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a Repository' }] },
      ];
    }
    this.graphqlPages++;
    const newestFirst = [...this.edits].reverse();
    const start = typeof vars.after === 'string' ? Number(vars.after.replace('cursor:', '')) : 0;
    const page = newestFirst.slice(start, start + 100);
    const nodes = page.map((e) => ({
      editedAt: e.editedAt,
      editor: e.editor ? { login: e.editor } : null,
      diff: e.body,
    }));
    const end = start + page.length;
    const edited = (list: { id: number; editor?: string; editedAt?: string }[]) => ({
      nodes: list.slice(-100).map((c) => ({
        databaseId: c.id,
        lastEditedAt: c.editedAt ?? null,
        editor: c.editor ? { login: c.editor } : null,
      })),
    });
    return [
      200,
      {
        data: {
          repository: {
            pullRequest: {
              createdAt: this.createdAt,
              includesCreatedEdit: this.edits.length > 0,
              userContentEdits: {
                pageInfo: {
                  hasNextPage: end < newestFirst.length,
                  endCursor: page.length > 0 ? `cursor:${end}` : null,
                },
                nodes,
              },
              ...(vars.more ? {} : { comments: edited(this.comments), reviews: edited(this.reviews) }),
            },
          },
        },
      },
    ];
  }

  private send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    const text = data === undefined ? '' : JSON.stringify(data);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      ...headers,
    });
    res.end(text);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function coerce(value: string, schema: object): unknown {
  const type = (schema as { type?: string }).type;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function paginate(
  items: unknown[],
  query: Record<string, string>,
  url: URL,
): [number, unknown, Record<string, string>] {
  const perPage = Math.min(Number(query.per_page ?? 30), 100);
  const page = Number(query.page ?? 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (page * perPage < items.length) {
    const next = new URL(url);
    next.searchParams.set('page', String(page + 1));
    next.searchParams.set('per_page', String(perPage));
    headers.link = `<${next.toString()}>; rel="next"`;
  }
  return [200, slice, headers];
}

// Response shapes follow GitHub's REST API (the fields the OpenAPI marks required, with realistic values).

function user(login: string, type: 'Bot' | 'User') {
  return {
    login,
    id: login.length * 1000 + 7,
    node_id: 'MDQ6VXNlcjE=',
    avatar_url: 'https://avatars.githubusercontent.com/u/1?v=4',
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    type,
    site_admin: false,
  };
}

function pullResponse(gh: FakeGitHub, pull: PullState) {
  const full = `${gh.owner}/${gh.repo}`;
  return {
    url: `https://api.github.com/repos/${full}/pulls/${pull.number}`,
    id: 100000 + pull.number,
    node_id: 'PR_kwDOA',
    html_url: `https://github.com/${full}/pull/${pull.number}`,
    number: pull.number,
    state: 'open',
    locked: false,
    title: pull.title ?? 'Change',
    user: user(pull.author, pull.author.endsWith('[bot]') ? 'Bot' : 'User'),
    body: pull.body,
    labels: pull.labels.map((name, i) => ({
      id: i + 1,
      node_id: 'LA_1',
      url: '',
      name,
      description: null,
      color: 'ededed',
      default: false,
    })),
    draft: pull.draft,
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T11:00:00Z',
    head: {
      label: `${gh.owner}:feature`,
      ref: 'feature',
      sha: pull.headSha,
      user: user(pull.author, 'User'),
      repo: null,
    },
    base: {
      label: `${gh.owner}:${pull.baseRef ?? 'main'}`,
      ref: pull.baseRef ?? 'main',
      sha: pull.baseSha,
      user: user(gh.owner, 'User'),
      repo: null,
    },
    merged: false,
    mergeable: null,
    comments: gh.comments.length,
    commits: 1,
    additions: 10,
    deletions: 2,
    changed_files: pull.files.length,
  };
}

function fileResponse(file: PullFile, i: number, patch: string | undefined) {
  return {
    ...(patch !== undefined ? { patch } : {}),
    sha: `${(i + 1).toString(16).padStart(40, 'a')}`,
    filename: file.filename,
    status: file.status,
    ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
    additions: 3,
    deletions: 0,
    changes: 3,
    blob_url: '',
    raw_url: '',
    contents_url: '',
  };
}

function contentResponse(gh: FakeGitHub, file: string, ref: string, text: string) {
  // Over 1 MB, GitHub's JSON answer has no content: an empty string and the encoding "none".
  const large = Buffer.byteLength(text) > 1024 * 1024;
  const content = large
    ? ''
    : Buffer.from(text, 'utf8')
        .toString('base64')
        .replace(/(.{60})/g, '$1\n');
  return {
    type: 'file',
    encoding: large ? 'none' : 'base64',
    size: Buffer.byteLength(text),
    name: path.posix.basename(file),
    path: file,
    content,
    sha: 'f'.repeat(40),
    url: `https://api.github.com/repos/${gh.owner}/${gh.repo}/contents/${file}?ref=${ref}`,
    git_url: null,
    html_url: null,
    download_url: null,
    _links: { self: '', git: null, html: null },
  };
}

function checkRunResponse(gh: FakeGitHub, run: CheckRun) {
  return {
    id: run.id,
    head_sha: run.head_sha,
    node_id: 'CR_1',
    external_id: '',
    url: `https://api.github.com/repos/${gh.owner}/${gh.repo}/check-runs/${run.id}`,
    html_url: `https://github.com/${gh.owner}/${gh.repo}/runs/${run.id}`,
    details_url: null,
    status: run.status,
    conclusion: run.conclusion,
    started_at: '2026-11-20T11:00:00Z',
    completed_at: '2026-11-20T11:00:01Z',
    output: {
      title: run.output.title ?? null,
      summary: run.output.summary ?? null,
      text: null,
      annotations_count: run.output.annotations.length,
      annotations_url: '',
    },
    name: run.name,
    check_suite: { id: 5 },
    app: null,
    pull_requests: [],
  };
}

function reviewResponse(gh: FakeGitHub, r: Review) {
  return {
    id: r.id,
    node_id: 'PRR_1',
    user: user(r.login, 'User'),
    body: r.body,
    state: r.state,
    html_url: `https://github.com/${gh.owner}/${gh.repo}/pull/7#pullrequestreview-${r.id}`,
    pull_request_url: `https://api.github.com/repos/${gh.owner}/${gh.repo}/pulls/7`,
    _links: { html: { href: '' }, pull_request: { href: '' } },
    submitted_at: r.submitted_at,
    commit_id: r.commit_id,
    author_association: 'MEMBER',
  };
}

function unprocessable(errors: string[]): [number, unknown] {
  return [422, { message: 'Unprocessable Entity', errors, documentation_url: 'https://docs.github.com/rest' }];
}

function reviewCommentResponse(gh: FakeGitHub, c: ReviewComment) {
  const base = `https://api.github.com/repos/${gh.owner}/${gh.repo}`;
  return {
    url: `${base}/pulls/comments/${c.id}`,
    pull_request_review_id: c.reviewId,
    id: c.id,
    node_id: 'PRRC_1',
    diff_hunk: '@@ -1,1 +1,1 @@',
    path: c.path,
    position: 1,
    original_position: 1,
    commit_id: c.commitId,
    original_commit_id: c.commitId,
    ...(c.inReplyTo !== undefined ? { in_reply_to_id: c.inReplyTo } : {}),
    user: user(c.login, c.type),
    body: c.body,
    created_at: '2026-11-20T11:00:00Z',
    updated_at: '2026-11-20T11:00:00Z',
    html_url: `https://github.com/${gh.owner}/${gh.repo}/pull/7#discussion_r${c.id}`,
    pull_request_url: `${base}/pulls/7`,
    author_association: c.type === 'Bot' ? 'NONE' : 'MEMBER',
    _links: { self: { href: '' }, html: { href: '' }, pull_request: { href: '' } },
    start_line: c.startLine ?? null,
    original_start_line: c.startLine ?? null,
    start_side: c.startLine !== undefined ? 'RIGHT' : null,
    line: c.line,
    original_line: c.line,
    side: 'RIGHT',
  };
}

function commentResponse(gh: FakeGitHub, c: Comment) {
  return {
    id: c.id,
    node_id: 'IC_1',
    url: `https://api.github.com/repos/${gh.owner}/${gh.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${gh.owner}/${gh.repo}/pull/1#issuecomment-${c.id}`,
    body: c.body,
    user: user(c.login, c.type),
    created_at: c.createdAt,
    updated_at: c.createdAt,
    issue_url: '',
    author_association: c.type === 'Bot' ? 'NONE' : 'MEMBER',
  };
}
