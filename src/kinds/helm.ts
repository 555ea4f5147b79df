/**
 * Helm templates read without rendering them (there is no helm binary, and
 * nothing from a pull request is ever run). Whole-line directives that only
 * steer (`if`, `else`, `end`, `with`, `range`, comments) are dropped; a
 * whole-line `toYaml .Values.x | nindent N` is replaced by the value from the
 * chart's `values.yaml`, written as one flow line so every line keeps its
 * number; any other whole-line directive (`include`, `template`, an unknown
 * value) emits fields the gate cannot see, and is recorded as hidden. Inline
 * directives become HELM_VALUE.
 */
import { parse as parseYaml } from 'yaml';

/** What an inline Helm directive (`{{ .Values.x }}`) becomes before a template is parsed: a value the gate cannot see. */
export const HELM_VALUE = 'HELM_VALUE';

/** A whole-line directive that emits text the gate could not resolve. */
export interface HiddenDirective {
  line: number;
  /** The directive, shortened, for the report. */
  text: string;
}

// One directive and nothing else on the line (`{{ a }}: {{ b }}` is a line with two inline ones).
const WHOLE_LINE = /^\s*(\{\{-?\s*((?:(?!\}\}).)*?)\s*-?\}\})\s*$/;
const STEERING = /^(?:if|else|end|with|range|define|block)\b|^\/\*/;
const TO_YAML = /^toYaml\s+\.Values((?:\.[A-Za-z_][\w-]*)+)\s*\|\s*n?indent\s+(\d+)$/;

/** A template's text made parseable, with the directives it could not resolve. */
export function renderStatically(text: string, values: unknown): { yaml: string; hidden: HiddenDirective[] } {
  const hidden: HiddenDirective[] = [];
  const lines = text.split('\n').map((line, i) => {
    const whole = WHOLE_LINE.exec(line);
    if (!whole) return line.replace(/\{\{.*?\}\}/g, HELM_VALUE);
    const body = whole[2]!;
    if (STEERING.test(body)) return '';
    const toYaml = TO_YAML.exec(body);
    const value = toYaml ? valueAt(values, toYaml[1]!.slice(1).split('.')) : undefined;
    if (toYaml && value !== undefined && typeof value === 'object') {
      return `${' '.repeat(Number(toYaml[2]))}${JSON.stringify(value)}`;
    }
    hidden.push({ line: i + 1, text: whole[1]!.length > 60 ? `${whole[1]!.slice(0, 57)}...` : whole[1]! });
    return '';
  });
  return { yaml: lines.join('\n'), hidden };
}

/** A chart's values.yaml, or undefined when it is absent or does not parse. */
export function readValues(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return parseYaml(text, { maxAliasCount: 100, prettyErrors: false });
  } catch {
    return undefined;
  }
}

function valueAt(values: unknown, path: string[]): unknown {
  let at = values;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || Array.isArray(at) || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at ?? undefined;
}
