/**
 * Config text -> ResolvedConfig. Pure: the caller reads the file. Broken
 * YAML, an unknown key or a wrong type raises a ConfigError that names the
 * file, the line and the key.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type * as z from 'zod/mini';
import { headingKey } from '../markdown/heading.js';
import { parseItemRef } from '../model/checklist.js';
import { closest } from '../model/closest.js';
import type { RunbookTemplate, ServiceSettings, WhenEntry } from '../model/spec.js';
import { defaultSignOffSections, devopsTemplate, preset } from '../presets/devops.js';
import { RULES, type RuleId } from '../rules/index.js';
import { configSchema, type ConfigFile } from './schema.js';
import type { ItemSpec, ResolvedConfig, SectionSpec } from './types.js';
import { positionOf } from '../model/yaml-position.js';
import { editDistance } from '../model/closest.js';
import type { Repository } from '../model/spec.js';

/** Findings sent as check-run annotations, at most, unless the config says otherwise. */
export const DEFAULT_MAX_ANNOTATIONS = 500;

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'ConfigError';
  }
}

/** The largest config read: a real one is a few kilobytes. */
export const MAX_CONFIG_BYTES = 64 * 1024;

/** What reports call the config when there is no file. */
export const BUILT_IN = 'built-in devops rules';

export function loadConfig(text: string | undefined, file: string): ResolvedConfig {
  if (text === undefined) return resolve({}, BUILT_IN);
  if (text.trim() === '') return resolve({}, `${file} (empty: ${BUILT_IN})`);
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES) {
    throw new ConfigError(
      file,
      1,
      1,
      `the config is ${Buffer.byteLength(text)} bytes, over the ${MAX_CONFIG_BYTES}-byte limit.`,
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const pos = lineCounter.linePos(problem.pos[0]);
    throw new ConfigError(
      file,
      pos.line,
      pos.col,
      `invalid YAML: ${firstLine(problem.message)}. Fix the syntax at this line.`,
    );
  }
  let data: unknown;
  try {
    // The yaml package stops alias expansion past 100 aliases (a "billion laughs" document).
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    const alias = firstAlias(doc);
    const pos = positionOf(lineCounter, alias);
    const why = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      file,
      pos.line,
      pos.column,
      `the config expands its YAML aliases too far (${why}). Write the values out.`,
    );
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(
      file,
      1,
      1,
      'the config must be a mapping of keys such as `extends`, `rules`, `pull-request`.',
    );
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw issueError(issue, doc, lineCounter, file);
  }
  const resolved = resolve(parsed.data, file);
  if (parsed.data.claims) checkClaims(resolved, doc, lineCounter, file);
  if (parsed.data['pull-request']?.placeholders) checkPlaceholders(resolved, doc, lineCounter, file);
  if (parsed.data.services) checkServices(resolved, doc, lineCounter, file);
  return resolved;
}

/**
 * Every label in `claims` names a checklist item the config requires: a
 * claim on any other item does nothing, and deleting the item would dodge it.
 */
function checkClaims(config: ResolvedConfig, doc: Document, lineCounter: LineCounter, file: string): void {
  const items = [
    ...config.pullRequest.sections.flatMap((s) => s.items),
    ...(config.signOff?.sections ?? defaultSignOffSections()).flatMap((s) => s.items),
  ];
  const labels = [...items.flatMap((i) => [i.label, ...i.aliases]), ...config.when.flatMap((w) => w.require.items)];
  // Compared by the label itself: `Catalog upgrade > Yes` claims the item "Yes" where it stands.
  const key = (label: string) => headingKey(parseItemRef(label).label);
  const known = new Set(labels.map(key));
  for (const label of Object.keys(config.claims)) {
    if (known.has(key(label))) continue;
    const near = closest(
      label,
      labels.map((l) => ({ label: l, line: 0 })),
      (c) => c.label,
    );
    const hint = near ? ` Did you mean "${near.label}"?` : '';
    const pos = positionOf(lineCounter, keyNode(doc.getIn(['claims'], true), label));
    throw new ConfigError(
      file,
      pos.line,
      pos.column,
      `\`claims\`: "${label}" is not a checklist item the config requires (\`pull-request.sections\`, \`sign-off\`, \`when\`), so the claim would never be checked.${hint} Add the item to a section, or correct the label.`,
    );
  }
}

/** `pull-request.placeholders` are read only in sections whose text is required: without one, they would do nothing. */
function checkPlaceholders(config: ResolvedConfig, doc: Document, lineCounter: LineCounter, file: string): void {
  if (config.pullRequest.sections.some((s) => s.text === 'required')) return;
  const node = doc.getIn(['pull-request', 'placeholders'], true) as Node | undefined;
  const pos = positionOf(lineCounter, node);
  throw new ConfigError(
    file,
    pos.line,
    pos.column,
    '`pull-request.placeholders`: no description section requires text, so no placeholder would ever be looked for. List a section without items (its text is then required), or set `text: required` on one.',
  );
}

/** A default tier `services.tiers` does not name would judge every service that names none against nothing. */
function checkServices(config: ResolvedConfig, doc: Document, lineCounter: LineCounter, file: string): void {
  const { tiers, defaultTier } = config.services;
  if (Object.hasOwn(tiers, defaultTier)) return;
  const node = (doc.getIn(['services', 'default-tier'], true) ?? doc.getIn(['services', 'tiers'], true)) as
    Node | undefined;
  const pos = positionOf(lineCounter, node);
  throw new ConfigError(
    file,
    pos.line,
    pos.column,
    `\`services.default-tier\`: "${defaultTier}" is not one of \`services.tiers\` (${Object.keys(tiers).join(', ')}), so a service that names no tier would be held to nothing. Name one of them, or add it to \`services.tiers\`.`,
  );
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function issueError(issue: z.core.$ZodIssue, doc: Document, lineCounter: LineCounter, file: string): ConfigError {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  let node = doc.getIn(path, true) as Node | undefined;
  let key = path.join('.');
  let detail: string;
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys[0]!;
    key = [...path, unknown].join('.');
    node = keyNode(doc.getIn(path, true), unknown) ?? node;
    const near = nearestKey(unknown, keysAt(path));
    detail = `unknown key \`${key}\`.${near ? ` Did you mean \`${[...path, near].join('.')}\`?` : ''} Remove it or check its spelling; see schema/readiness-gate.schema.json.`;
  } else {
    detail = `\`${key || '(top level)'}\`: ${issue.message}.`;
  }
  const offset = node?.range?.[0] ?? 0;
  const pos = lineCounter.linePos(offset);
  return new ConfigError(file, pos.line, pos.col, detail);
}

/** The keys the schema takes at a path of the config (`rules` gives the rule ids), read from the schema itself. */
function keysAt(path: readonly (string | number)[]): string[] {
  type Def = {
    shape?: Record<string, unknown>;
    innerType?: unknown;
    element?: unknown;
    options?: unknown[];
    keyType?: unknown;
    entries?: Record<string, unknown>;
  };
  const defOf = (schema: unknown) => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  const unwrap = (schema: unknown): unknown => {
    let at = schema;
    for (let i = 0; i < 10 && defOf(at)?.innerType !== undefined; i++) at = defOf(at)!.innerType;
    return at;
  };
  let at: unknown = unwrap(configSchema);
  for (const step of path) {
    const def = defOf(at);
    if (typeof step === 'number') at = unwrap(def?.element ?? def?.options?.find((o) => defOf(unwrap(o))?.element));
    else at = unwrap(def?.shape?.[step] ?? def?.options?.map((o) => defOf(unwrap(o))?.shape?.[step]).find(Boolean));
    if (at === undefined) return [];
  }
  const def = defOf(at);
  // A record keyed by an enum (`rules`, by rule id) takes the enum's values.
  const keys = def?.keyType !== undefined ? defOf(unwrap(def.keyType))?.entries : undefined;
  return Object.keys(keys ?? def?.shape ?? def?.options?.map((o) => defOf(unwrap(o))?.shape).find(Boolean) ?? {});
}

/** The valid key a mistyped one is closest to: a few edits away (at most a third of the longer). */
function nearestKey(wanted: string, keys: readonly string[]): string | undefined {
  let best: { key: string; edits: number } | undefined;
  for (const key of keys) {
    const limit = Math.floor(Math.max(wanted.length, key.length) / 3);
    const edits = editDistance(wanted.toLowerCase(), key.toLowerCase(), limit);
    if (edits <= limit && (!best || edits < best.edits)) best = { key, edits };
  }
  return best?.key;
}

function keyNode(parent: unknown, key: string): Node | undefined {
  if (!isMap(parent)) return undefined;
  for (const pair of parent.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return pair.key;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/\s+at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}

type SectionInput = NonNullable<NonNullable<ConfigFile['pull-request']>['sections']>[number];

/**
 * Whether a section's text is required, unless the config says: a runbook
 * section's always is; a description section's is when it lists no items
 * and no policy (a "Context" or "Changes proposed" to write).
 */
type TextDefault = 'runbook' | 'description';

function toSection(input: SectionInput, textDefault: TextDefault = 'runbook'): SectionSpec {
  if (typeof input === 'string') return { name: input, aliases: [], items: [], text: 'required' };
  const items = (input.items ?? []).map((it): ItemSpec =>
    typeof it === 'string' ? { label: it, aliases: [] } : { label: it.label, aliases: it.aliases ?? [] },
  );
  const checklist = items.length > 0 || input.policy !== undefined;
  return {
    name: input.name,
    aliases: input.aliases ?? [],
    items,
    ...(input.policy ? { policy: input.policy } : {}),
    text: input.text ?? (textDefault === 'description' && checklist ? 'optional' : 'required'),
  };
}

/** Sections named like a base section replace it; others are added. */
function mergeSections(
  base: SectionSpec[],
  extra: SectionInput[] | undefined,
  textDefault: TextDefault = 'runbook',
): SectionSpec[] {
  if (!extra) return base;
  const merged = [...base];
  for (const spec of extra.map((input) => toSection(input, textDefault))) {
    const at = merged.findIndex((s) => headingKey(s.name) === headingKey(spec.name));
    if (at >= 0) merged[at] = spec;
    else merged.push(spec);
  }
  return merged;
}

type SignOffSectionInput = NonNullable<NonNullable<ConfigFile['sign-off']>['sections']>[number];

/** The owned sections: the defaults, or those listed; a name alone takes the default boxes of its section. */
function signOffSections(listed: SignOffSectionInput[] | undefined): SectionSpec[] {
  const defaults = defaultSignOffSections();
  if (!listed) return defaults;
  return listed.map((input) => {
    const spec = toSection(input);
    const known = defaults.find((d) => headingKey(d.name) === headingKey(spec.name));
    return typeof input === 'string' && known ? known : spec;
  });
}

type RunbooksInput = NonNullable<ConfigFile['runbooks']>;

/**
 * The runbook templates. Without `templates`, the preset's one, with the
 * config's paths, excludes and sections. Excludes are added to the preset's
 * (README.md, TEMPLATE.md …) unless `exclude-replace` says otherwise.
 */
function runbookTemplates(base: RunbookTemplate, rb: RunbooksInput | undefined): RunbookTemplate[] {
  const keep = rb?.['exclude-replace'] ? [] : base.exclude;
  const exclude = (own: string[] | undefined) => [...new Set([...keep, ...(rb?.exclude ?? []), ...(own ?? [])])];
  if (!rb?.templates) {
    return [
      {
        ...base,
        paths: rb?.paths ?? base.paths,
        exclude: rb?.exclude && rb['exclude-replace'] ? [...rb.exclude] : exclude([]),
        sections: mergeSections(base.sections, rb?.sections),
      },
    ];
  }
  return rb.templates.map((input): RunbookTemplate => {
    const review = input.review
      ? { review: { field: input.review.field, maxAgeDays: days(input.review['max-age']) } }
      : {};
    if ('builtin' in input) {
      const devops = devopsTemplate();
      return {
        ...devops,
        ...review,
        paths: input.paths ?? devops.paths,
        exclude: exclude(input.exclude),
        sections: mergeSections(devops.sections, input.sections),
      };
    }
    return {
      name: input.name,
      builtin: false,
      paths: input.paths,
      exclude: exclude(input.exclude),
      sections: (input.sections ?? []).map((section) => toSection(section)),
      fields: (input.fields ?? []).map((f) =>
        typeof f === 'string' ? { name: f, allowed: [] } : { name: f.name, allowed: f.allowed ?? [] },
      ),
      placeholders: input.placeholders ?? [],
      ...review,
      ...(input['sections-per-alert'] ? { sectionsPerAlert: true } : {}),
    };
  });
}

/** `180d`, `26w` or `6m` in days (a month as 30 days). */
function days(age: string): number {
  const count = Number(age.slice(0, -1));
  return count * { d: 1, w: 7, m: 30 }[age.at(-1) as 'd' | 'w' | 'm'];
}

export function resolve(file: ConfigFile, source: string): ResolvedConfig {
  const base = preset(file.extends ?? 'devops');
  const rules = { ...base.rules };
  // A section the team wrote switches on the rule that reads it, where the preset left it off (`extends: none`):
  // an `alerts:` block that changed nothing would be a setting that silently does nothing.
  if (file.alerts && rules['alert-runbook'] === 'off') rules['alert-runbook'] = 'error';
  // So does a \`services:\` block: the service rules at the built-in rules' severities.
  if (file.services)
    for (const rule of RULES)
      if (rule.kind === 'service' && rules[rule.id] === 'off') rules[rule.id] = rule.defaultSeverity.devops;
  for (const [id, severity] of Object.entries(file.rules ?? {})) {
    if (severity) rules[id as RuleId] = severity;
  }
  const pr = file['pull-request'];
  const rb = file.runbooks;
  return {
    source,
    strict: file.strict ?? false,
    rules,
    pullRequest: {
      sections: mergeSections(base.pullRequest.sections, pr?.sections, 'description'),
      placeholders: pr?.placeholders ?? [],
      ...(pr?.template !== undefined ? { template: pr.template } : {}),
      runbook: {
        section: pr?.runbook?.section ?? base.pullRequest.runbook.section,
        aliases: pr?.runbook?.aliases ?? base.pullRequest.runbook.aliases,
        required: pr?.runbook?.required ?? base.pullRequest.runbook.required,
        maxLinks: pr?.runbook?.['max-links'] ?? base.pullRequest.runbook.maxLinks,
        external: rb?.external ?? [],
      },
    },
    runbooks: { templates: runbookTemplates(base.runbooks.templates[0]!, rb) },
    claims: file.claims ?? base.claims,
    evidence: {
      paths: file.evidence?.paths ?? base.evidence.paths,
      exclude: file.evidence?.exclude ?? base.evidence.exclude,
      maxFiles: file.evidence?.['max-files'] ?? base.evidence.maxFiles,
    },
    alerts: {
      runbookAnnotations: [file.alerts?.['runbook-annotation'] ?? base.alerts.runbookAnnotations].flat(),
      runbookUrls:
        file.alerts?.['runbook-urls']?.map((u) => ({ prefix: u.prefix, path: u.path })) ?? base.alerts.runbookUrls,
      severities: file.alerts?.severities ?? base.alerts.severities,
      configured: file.alerts !== undefined,
    },
    code: {
      paths: file.code?.paths ?? base.code.paths,
      exclude: file.code?.exclude ?? base.code.exclude,
      languages: file.code?.languages ?? base.code.languages,
      maxFiles: file.code?.['max-files'] ?? base.code.maxFiles,
    },
    services: servicesOf(file.services, base.services),
    when: (file.when ?? []).map((w): WhenEntry => ({
      name: w.name,
      ...(w['changed-files']
        ? {
            changedFiles: Array.isArray(w['changed-files'])
              ? { paths: w['changed-files'], exclude: [] }
              : { paths: w['changed-files'].paths, exclude: w['changed-files'].exclude ?? [] },
          }
        : {}),
      ...(w.labels ? { labels: w.labels } : {}),
      ...(w['base-branches'] ? { baseBranches: w['base-branches'] } : {}),
      ...(w.authors ? { authors: w.authors } : {}),
      ...(w['risk-level'] ? { riskLevels: [w['risk-level']].flat() } : {}),
      ...(w.title ? { title: w.title } : {}),
      ...(w.ticked ? { ticked: w.ticked } : {}),
      require: {
        items: w.require.items ?? [],
        sections: w.require.sections ?? [],
        runbook: w.require.runbook ?? false,
        changed: w.require.changed ?? [],
        approvals: w.require.approvals ?? 0,
        reviewers: w.require.reviewers ?? [],
      },
    })),
    report: { maxAnnotations: file.report?.['max-annotations'] ?? DEFAULT_MAX_ANNOTATIONS },
    skip: {
      labels: file.skip?.labels ?? [],
      authors: file.skip?.authors ?? [],
      drafts: file.skip?.drafts ?? false,
      onlyChangedFiles: file.skip?.['only-changed-files'] ?? [],
    },
    ...(file['sign-off']
      ? {
          signOff: {
            reviewers: file['sign-off'].reviewers,
            sections: signOffSections(file['sign-off'].sections),
            allowStaleApproval: file['sign-off']['allow-stale-approval'] ?? false,
          },
        }
      : {}),
  };
}

/** The config with this repository known, for links to it by URL: a copy, the loaded config untouched. */
export function withRepository(config: ResolvedConfig, repository: Repository | undefined): ResolvedConfig {
  if (!repository) return config;
  const { runbook } = config.pullRequest;
  return { ...config, pullRequest: { ...config.pullRequest, runbook: { ...runbook, repository } } };
}

function servicesOf(file: ConfigFile['services'], base: ServiceSettings): ServiceSettings {
  const tiers = file?.tiers ?? base.tiers;
  const defaultTier = file?.['default-tier'] ?? (file?.tiers ? Object.keys(file.tiers)[0]! : base.defaultTier);
  return {
    paths: file?.paths ?? base.paths,
    files: file?.files ?? base.files,
    exclude: file?.exclude ?? base.exclude,
    matchLabels: file?.['match-labels'] ?? base.matchLabels,
    oncallAnnotations: file?.['oncall-annotations'] ?? base.oncallAnnotations,
    tierFrom: file?.['tier-from'] ?? base.tierFrom,
    tiers,
    defaultTier,
    ownerApproval: file?.['owner-approval'] ?? base.ownerApproval,
    maxFiles: file?.['max-files'] ?? base.maxFiles,
  };
}
