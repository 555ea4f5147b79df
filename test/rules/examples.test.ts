// Every rule's documented examples, run as tests: a rule's docs cannot drift from what it does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { check, type KindedFile } from '../../src/engine.js';
import { PARTS, partOf, rulePages } from '../../src/docs.js';
import { DESCRIPTION, kindOf } from '../../src/kinds/index.js';
import { RULE_IDS, RULES } from '../../src/rules/index.js';
import { exampleFindings, type RuleExample } from '../../src/rules/rule.js';
import { loadGrammars, ROOT } from '../helpers.js';

// Source files are parsed with tree-sitter, whose grammars load before a check.
await loadGrammars();

/** Where an example's pull-request template is, as GitHub's default place. */
const EXAMPLE_TEMPLATE = '.github/pull_request_template.md';

function reportOf(rule: (typeof RULES)[number], example: RuleExample) {
  const loaded = loadConfig(example.config ?? '', 'example.yml');
  const config = example.today ? { ...loaded, today: example.today } : loaded;
  // The rule under test is on (at its default severity, else error); the others keep theirs
  // (claim-contradicted reads their findings).
  if (config.rules[rule.id] === 'off') config.rules[rule.id] = 'error';
  // The example's other files are in the repository on both sides of the pull request.
  const files: KindedFile[] = Object.entries(example.files ?? {}).flatMap(([p, text]) => {
    const kind = kindOf(p, config) ?? 'runbook';
    return [
      { path: p, text, kind },
      { path: p, text, kind, companion: true, fromBase: true },
    ];
  });
  for (const [p, text] of Object.entries(example.base ?? {})) {
    files.push({ path: p, text, kind: kindOf(p, config) ?? 'runbook', companion: true, fromBase: true });
  }
  const own = example.path ?? 'docs/runbooks/example.md';
  const report =
    rule.kind === 'pull-request'
      ? check({
          description: example.text,
          files,
          config,
          ...(example.reviews ? { reviews: example.reviews } : {}),
          ...(example.pullRequest ? { pullRequest: example.pullRequest } : {}),
          ...(example.template ? { template: { path: EXAMPLE_TEMPLATE, text: example.template } } : {}),
        })
      : check({
          files: [{ path: own, text: example.text, kind: rule.kind }, ...files],
          config,
          ...(example.pullRequest ? { pullRequest: example.pullRequest } : {}),
          ...(example.alertRunbooks ? { alertRunbooks: example.alertRunbooks } : {}),
        });
  const source = rule.kind === 'pull-request' ? 'pull-request' : own;
  return report.findings.filter((f) => f.source === source && f.ruleId === rule.id);
}

function findingsOf(rule: (typeof RULES)[number], example: RuleExample): string[] {
  return reportOf(rule, example).map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it('documents a failing and a passing example', () => {
    expect(rule.examples.some((e) => e.findings.length > 0)).toBe(true);
    expect(rule.examples.some((e) => e.findings.length === 0)).toBe(true);
    expect(rule.description.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.map((e) => [e.name, e] as const))('example: %s', (_name, example) => {
    expect(findingsOf(rule, example)).toEqual(exampleFindings(rule, example));
  });

  // `fixable` says what the rule does: a rule that offers a fix declares it, and one that declares it shows one.
  it(rule.fixable ? 'offers a fix in an example, as it declares' : 'offers no fix, as it declares none', () => {
    const fixes = rule.examples.flatMap((e) => reportOf(rule, e).filter((f) => f.fix !== undefined));
    expect(fixes.length > 0).toBe(rule.fixable === true);
  });

  // The example is checked as the rule's kind; the file must be one that kind owns in the registry's
  // order, or a kind registered before it takes the file in a real run and the rule never sees it.
  if (rule.kind !== DESCRIPTION) {
    it('puts each example at a path its own kind selects', () => {
      for (const example of rule.examples) {
        const loaded = loadConfig(example.config ?? '', 'example.yml');
        const config = example.today ? { ...loaded, today: example.today } : loaded;
        expect(kindOf(example.path ?? 'docs/runbooks/example.md', config), example.name).toBe(rule.kind);
      }
    });
  }
});

describe('the list of rules', () => {
  it('has one rule per id, each in src/rules/<id>.ts', () => {
    expect(new Set(RULE_IDS).size).toBe(RULES.length);
    for (const rule of RULES) {
      const file = readFileSync(path.join(ROOT, 'src/rules', `${rule.id}.ts`), 'utf8');
      expect(file).toContain(`id: '${rule.id}'`);
    }
  });

  it('is what the rules table, formats table and list of kinds in docs/ show (run `npm run docs` after changing one)', () => {
    expect(PARTS.map((p) => p.file)).toEqual(['docs/configuration.md', 'docs/cli.md', 'docs/development.md']);
    for (const part of PARTS) {
      const page = readFileSync(path.join(ROOT, part.file), 'utf8');
      expect(page).toContain(part.start);
      expect(partOf(page, part), part.file).toBe(part.make());
    }
  });

  it('is what the rule pages in docs/rules/ say, one page a rule and no other (run `npm run docs`)', () => {
    const pages = rulePages((id) => readFileSync(path.join(ROOT, 'src/rules', `${id}.ts`), 'utf8'));
    expect(readdirSync(path.join(ROOT, 'docs/rules')).sort()).toEqual([...pages.keys()].sort());
    for (const [name, text] of pages)
      expect(readFileSync(path.join(ROOT, 'docs/rules', name), 'utf8'), name).toBe(text);
  });
});
