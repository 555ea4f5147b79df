// The action's input defaults are written once, in action.yml: the code reads them from the module `npm run docs`
// writes from it, and an input left empty means its default.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_DEFAULTS } from '../../src/action/defaults.js';
import { actionDefaults, actionDefaultsModule } from '../../src/action/defaults-source.js';
import { ROOT } from '../helpers.js';
import { FORMATS } from '../../src/report/formats.js';

const actionYml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');

describe('the action input defaults', () => {
  it('are what action.yml says (run `npm run docs` after changing one there)', () => {
    expect(ACTION_DEFAULTS).toEqual(actionDefaults(actionYml));
    const inputs = (parse(actionYml) as { inputs: Record<string, { default?: string }> }).inputs;
    // Every input with a plain default is there; the token's is an expression the runner evaluates.
    for (const [name, input] of Object.entries(inputs)) {
      if (input.default !== undefined && !input.default.includes('${{'))
        expect(ACTION_DEFAULTS[name as keyof typeof ACTION_DEFAULTS]).toBe(input.default);
    }
    expect(actionDefaultsModule(actionYml)).toContain('Generated from action.yml');
  });

  it('declare an output for each format the action writes to a file', () => {
    const outputs = (parse(actionYml) as { outputs: Record<string, unknown> }).outputs;
    const named = FORMATS.flatMap((f) => (f.actionOutput ? [f.actionOutput.name] : []));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(Object.keys(outputs)).toContain(name);
  });

  it("are repeated nowhere in the action's code", () => {
    const main = readFileSync(path.join(ROOT, 'src/main.ts'), 'utf8');
    for (const value of ['.github/readiness-gate.yml', 'Production readiness', 'github-actions[bot]']) {
      expect(main, value).not.toContain(`'${value}'`);
    }
  });
});
