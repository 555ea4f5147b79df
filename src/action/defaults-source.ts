/**
 * The action's input defaults are written once, in `action.yml`; the code
 * reads them from `src/action/defaults.ts`, which `npm run docs` writes from
 * it (and a test keeps in step). An input without a default (the token's is
 * an expression the runner fills in) is not there.
 */
import { parse } from 'yaml';

export function actionDefaults(actionYml: string): Record<string, string> {
  const inputs = (parse(actionYml) as { inputs?: Record<string, { default?: unknown }> }).inputs ?? {};
  const out: Record<string, string> = {};
  for (const [name, input] of Object.entries(inputs)) {
    if (typeof input.default === 'string' && !input.default.includes('${{')) out[name] = input.default;
  }
  return out;
}

export function actionDefaultsModule(actionYml: string): string {
  const entries = Object.entries(actionDefaults(actionYml)).map(
    ([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)},`,
  );
  return [
    '// Generated from action.yml by `npm run docs`: edit the defaults there.',
    "/** Each input's default as action.yml gives it: what an input left empty means. */",
    'export const ACTION_DEFAULTS = {',
    ...entries,
    '} as const;',
    '',
  ].join('\n');
}
