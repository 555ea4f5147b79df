/**
 * Entities checked as Backstage's catalog checks them: the envelope and the
 * entity's common shape (`Entity`, `EntityMeta`, `common`), then the schema
 * of its kind when it is one Backstage defines (`kinds/<Kind>.v1alpha1`),
 * with Ajv as Backstage configures it (`allErrors`, `allowUnionTypes`). The
 * schemas are `@backstage/catalog-model`'s, written to
 * `backstage-schemas.json` by scripts/backstage-schemas.mjs.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import data from './backstage-schemas.json' with { type: 'json' };

/** What Backstage says of an entity: the field, as keys from the entity's root, and the problem. */
export interface EntityProblem {
  path: (string | number)[];
  message: string;
}

type Schema = { $id?: string; allOf?: { properties?: { kind?: { enum?: string[] } } }[] };

export function entityChecker(): (entity: unknown) => EntityProblem[] {
  const schemas = data.schemas as Record<string, Schema>;
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  for (const name of [
    'EntityEnvelope.schema.json',
    'Entity.schema.json',
    'EntityMeta.schema.json',
    'shared/common.schema.json',
  ])
    ajv.addSchema(schemas[name]!);
  const envelope = ajv.getSchema('EntityEnvelope')!;
  const entity = ajv.getSchema('Entity')!;
  // The schema of each kind Backstage defines, by its `kind` (the base schema, not the variants of one spec.type).
  const kinds = new Map<string, string>();
  for (const [name, schema] of Object.entries(schemas)) {
    const match = /^kinds\/(\w+)\.v1alpha1\.schema\.json$/.exec(name);
    const kind = schema.allOf?.find((s) => s.properties?.kind)?.properties?.kind?.enum?.[0];
    if (match && kind) kinds.set(kind, name);
  }
  const compiled = new Map<string, ValidateFunction>();
  const byKind = (kind: string): ValidateFunction | undefined => {
    const name = kinds.get(kind);
    if (!name) return undefined;
    let validate = compiled.get(name);
    if (!validate) compiled.set(name, (validate = ajv.compile(schemas[name]!)));
    return validate;
  };
  return (value) => {
    if (!envelope(value)) return problemsOf(envelope.errors);
    if (!entity(value)) return problemsOf(entity.errors);
    const format = formatProblems(value as { metadata: Meta });
    const validate = byKind(String((value as { kind: unknown }).kind));
    if (!validate || validate(value)) return format;
    return [...problemsOf(validate.errors), ...format];
  };
}

/**
 * The field formats Backstage's catalog enforces beside the schemas
 * (`FieldFormatEntityPolicy`, with the validators `makeValidator` gives it
 * by default): a name of 1 to 63 letters, digits, `-`, `_` and `.`, starting
 * and ending with a letter or digit; a namespace a DNS label; label and
 * annotation keys an optional DNS-subdomain prefix and a name; label values
 * names (or empty); tags lower-case words joined by `-`.
 */
const objectName = (v: string) =>
  v.length >= 1 && v.length <= 63 && /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(v);
const dnsLabel = (v: string) => v.length >= 1 && v.length <= 63 && /^[a-z0-9]+(?:-+[a-z0-9]+)*$/.test(v);
const dnsSubdomain = (v: string) => v.length >= 1 && v.length <= 253 && v.split('.').every(dnsLabel);
const prefixed = (v: string) => {
  const parts = v.split('/');
  return parts.length === 1 ? objectName(v) : parts.length === 2 && dnsSubdomain(parts[0]!) && objectName(parts[1]!);
};
const tag = (v: string) => v.length >= 1 && v.length <= 63 && /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/.test(v);

interface Meta {
  name: string;
  namespace?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  tags?: unknown[];
}

function formatProblems(entity: { metadata: Meta }): EntityProblem[] {
  const { name, namespace, labels, annotations, tags } = entity.metadata;
  const out: EntityProblem[] = [];
  const bad = (path: (string | number)[], message: string) => out.push({ path, message });
  if (!objectName(name))
    bad(
      ['metadata', 'name'],
      `metadata.name "${name}" is not a valid name: 1 to 63 letters, digits, -, _ and ., starting and ending with a letter or digit`,
    );
  if (typeof namespace === 'string' && !dnsLabel(namespace))
    bad(
      ['metadata', 'namespace'],
      `metadata.namespace "${namespace}" is not a valid namespace: a DNS label (lower case letters, digits and -)`,
    );
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (!prefixed(key))
      bad(['metadata', 'labels', key], `the label key "${key}" is not valid: an optional DNS prefix and a name`);
    else if (typeof value === 'string' && value !== '' && !objectName(value))
      bad(
        ['metadata', 'labels', key],
        `the label ${key}'s value "${value}" is not valid: a name (letters, digits, -, _ and .)`,
      );
  }
  for (const key of Object.keys(annotations ?? {}))
    if (!prefixed(key))
      bad(
        ['metadata', 'annotations', key],
        `the annotation key "${key}" is not valid: an optional DNS prefix and a name`,
      );
  (tags ?? []).forEach((t, i) => {
    if (typeof t === 'string' && !tag(t))
      bad(
        ['metadata', 'tags', i],
        `the tag "${t}" is not valid: lower case letters, digits, +, # and :, words joined by -`,
      );
  });
  return out;
}

function problemsOf(errors: ErrorObject[] | null | undefined): EntityProblem[] {
  const seen = new Set<string>();
  return (errors ?? []).flatMap((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
    const missing = (e.params as { missingProperty?: string }).missingProperty;
    const field = path.join('.');
    const message =
      e.keyword === 'required' && missing
        ? `${field === '' ? '' : `${field}.`}${missing} is required`
        : e.keyword === 'enum'
          ? `${field} must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`
          : `${field === '' ? 'the entity' : field} ${e.message ?? 'is not valid'}`;
    // allOf and if/then repeat a problem; say each once.
    if (e.keyword === 'if' || seen.has(message)) return [];
    seen.add(message);
    return [{ path, message }];
  });
}
