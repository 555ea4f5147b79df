/**
 * Backstage's software catalog as its `catalog-info.yaml` files write it:
 * one entity a YAML document (`Component`, `System`, `Group`, `User`,
 * `Location`, any other kind), with the fields and annotations the service
 * checks read, each at its line. Each entity is checked against the JSON
 * Schemas Backstage's own `@backstage/catalog-model` ships (`validate.ts`,
 * loaded before a check), and a problem is told at the line of the field it
 * concerns.
 */
import { isMap, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { globMatcher } from '../model/paths.js';
import { positionOf } from '../model/yaml-position.js';
import { entityProblems } from './validate.js';

/** Where Backstage looks for an entity file by convention: `catalog-info.yaml` (or `.yml`) in any folder. */
export const CATALOG_FILE = globMatcher(['**/catalog-info.yaml', '**/catalog-info.yml']);

export interface At<T> {
  value: T;
  line: number;
  column: number;
}

export interface EntityRef {
  kind?: string;
  namespace?: string;
  name: string;
}

export interface Entity {
  path: string;
  kind: string;
  apiVersion: string;
  /** `metadata.name`, at its line (the document's first line when it has none). */
  name: At<string>;
  namespace: string;
  /** `spec.type`: a Component is a service when it is `service`. */
  type?: string;
  owner?: At<string>;
  lifecycle?: At<string>;
  system?: string;
  annotations: Record<string, At<string>>;
  labels: Record<string, At<string>>;
  links: { url: string; title: string; line: number }[];
  /** A Group's `spec.profile`/name and its members' refs are not read: only that it exists. */
  problems: { message: string; line: number; column: number }[];
}

/** The entities of a catalog file, in order, each with what Backstage's schemas say of it; a document that does not parse is a problem. */
export function readCatalog(text: string, path: string): { entities: Entity[]; problems: Entity['problems'] } {
  const counter = new LineCounter();
  const entities: Entity[] = [];
  const problems: Entity['problems'] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false })) {
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!;
      const { line, col } = counter.linePos(error.pos[0]);
      problems.push({
        message: `does not parse as YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        line,
        column: col,
      });
      continue;
    }
    if (doc.contents === null) continue;
    const at = positionOf(counter, doc.contents);
    if (!isMap(doc.contents)) {
      problems.push({ message: 'is not an entity: a document of a catalog file is a map', ...at });
      continue;
    }
    entities.push(entityOf(doc, counter, path));
  }
  return { entities, problems };
}

function entityOf(doc: Document, counter: LineCounter, path: string): Entity {
  const json = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  const at = (keys: (string | number)[]) => {
    const node = doc.getIn(keys, true) ?? doc.contents;
    return positionOf(counter, node);
  };
  const str = (keys: string[]): At<string> | undefined => {
    const value = get(json, keys);
    return typeof value === 'string' && value.trim() !== '' ? { value: value.trim(), ...at(keys) } : undefined;
  };
  const strings = (keys: string[]) =>
    Object.fromEntries(
      Object.entries(asRecord(get(json, keys))).flatMap(([k, v]) =>
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? [[k, { value: String(v), ...at([...keys, k]) }]]
          : [],
      ),
    );
  const links = Array.isArray(get(json, ['metadata', 'links']))
    ? (get(json, ['metadata', 'links']) as unknown[]).flatMap((l, i) => {
        const link = asRecord(l);
        // A link without a URL links nothing: it answers no question.
        return typeof link.url === 'string' && link.url.trim() !== ''
          ? [
              {
                url: link.url,
                title: typeof link.title === 'string' ? link.title : '',
                line: at(['metadata', 'links', i]).line,
              },
            ]
          : [];
      })
    : [];
  const entity: Entity = {
    path,
    kind: String(json.kind ?? ''),
    apiVersion: String(json.apiVersion ?? ''),
    name: str(['metadata', 'name']) ?? { value: '', ...positionOf(counter, doc.contents) },
    namespace: str(['metadata', 'namespace'])?.value ?? 'default',
    annotations: strings(['metadata', 'annotations']),
    labels: strings(['metadata', 'labels']),
    links,
    problems: entityProblems(json).map((p) => ({ message: p.message, ...at(p.path) })),
  };
  const type = str(['spec', 'type'])?.value;
  const owner = str(['spec', 'owner']);
  const lifecycle = str(['spec', 'lifecycle']);
  const system = str(['spec', 'system'])?.value;
  return {
    ...entity,
    ...(type !== undefined ? { type } : {}),
    ...(owner ? { owner } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    ...(system !== undefined ? { system } : {}),
  };
}

/** An entity reference as Backstage writes it: `[kind:][namespace/]name`. */
export function parseRef(ref: string): EntityRef {
  const colon = ref.indexOf(':');
  const kind = colon > 0 ? ref.slice(0, colon) : undefined;
  const rest = colon > 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  return {
    ...(kind ? { kind: kind.toLowerCase() } : {}),
    ...(slash > 0 ? { namespace: rest.slice(0, slash) } : {}),
    name: slash > 0 ? rest.slice(slash + 1) : rest,
  };
}

/** Whether an entity is a service: a Component whose `spec.type` is `service`. */
export const isService = (e: Entity): boolean => e.kind === 'Component' && e.type === 'service';

function get(value: unknown, keys: readonly string[]): unknown {
  let at = value;
  for (const key of keys) at = asRecord(at)[key];
  return at;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
