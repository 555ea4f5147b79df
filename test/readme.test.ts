// The development guide's recipes for a new rule, kind and output format compile and work: their code is these
// files (typechecked with the rest), and docs/development.md shows them as they are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { KINDS } from '../src/kinds/index.js';
import { ROOT } from './helpers.js';
import { procfileKind } from './readme/new-kind.js';
import { checkstyleFormat } from './readme/new-format.js';
import { check } from '../src/engine.js';
import { FORMATS, type OutputFormat } from '../src/report/formats.js';
import { manifestRunAsNonRoot } from './readme/new-rule.js';
import { exampleFindings } from '../src/rules/rule.js';

const GUIDE = readFileSync(path.join(ROOT, 'docs/development.md'), 'utf8');

/** The first TypeScript block under a heading of the guide. */
function blockUnder(heading: string): string {
  const from = GUIDE.indexOf(`\n${heading}\n`);
  expect(from, heading).toBeGreaterThan(0);
  const match = /```ts\n([\s\S]*?)```/.exec(GUIDE.slice(from));
  return match![1]!;
}

describe('the development guide recipes', () => {
  it('show the files that are typechecked and tested here', () => {
    expect(blockUnder('## A new rule is one file')).toBe(
      readFileSync(path.join(ROOT, 'test/readme/new-rule.ts'), 'utf8'),
    );
    expect(blockUnder('## A new kind of document is one file')).toBe(
      readFileSync(path.join(ROOT, 'test/readme/new-kind.ts'), 'utf8'),
    );
    expect(blockUnder('## A new output format is one file')).toBe(
      readFileSync(path.join(ROOT, 'test/readme/new-format.ts'), 'utf8'),
    );
  });

  it('a new deployment rule reads fields through the view, and its examples hold', () => {
    const config = loadConfig(undefined, 'x.yml');
    for (const example of manifestRunAsNonRoot.examples) {
      const view = KINDS.manifest.parse(example.text, example.path!);
      const context = KINDS.manifest.context(view, example.path!, config, { files: new Map() });
      const findings = (manifestRunAsNonRoot.check(context) ?? []) as {
        line: number;
        column: number;
        message: string;
      }[];
      expect(
        findings.map((f) => `${f.line}:${f.column} ${f.message}`),
        example.name,
      ).toEqual(exampleFindings(manifestRunAsNonRoot, example));
    }
  });

  it('a new kind selects its files and reads them with their lines', () => {
    expect(
      ['Procfile', 'services/api/Procfile', 'Procfile.dev'].map((p) =>
        procfileKind.select(p, loadConfig(undefined, 'x')),
      ),
    ).toEqual([true, true, false]);
    expect(procfileKind.parse('# comment\nweb: node server.js\nworker:  node jobs.js\n', 'Procfile').processes).toEqual(
      [
        { name: 'web', command: 'node server.js', line: 2 },
        { name: 'worker', command: 'node jobs.js', line: 3 },
      ],
    );
  });

  it('a new format renders a report, escaping what the documents say, and fits the list', () => {
    const config = loadConfig(undefined, 'x.yml');
    const report = check({
      files: [{ path: 'deploy/a&b.yaml', kind: 'manifest', text: DEPLOYMENT_WITHOUT_PROBE }],
      config,
    });
    const xml = checkstyleFormat.render(report, { notes: [], title: 't', color: false });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<checkstyle version="4.3">\n/);
    expect(xml).toContain('<file name="deploy/a&amp;b.yaml">');
    const errors = [
      ...xml.matchAll(/<error line="(\d+)" column="(\d+)" severity="(\w+)" message="([^"]*)" source="([^"]*)"\/>/g),
    ];
    expect(errors.map((e) => e[5])).toEqual(report.findings.map((f) => `readiness-gate.${f.ruleId}`));
    expect(errors.length).toBeGreaterThan(0);
    // What a document says cannot open an element or end an attribute.
    for (const e of errors) expect(e[4]).not.toMatch(/[<>"]/);
    const registered: readonly OutputFormat[] = [...FORMATS, checkstyleFormat];
    expect(new Set(registered.map((f) => f.id)).size).toBe(registered.length);
  });
});

const DEPLOYMENT_WITHOUT_PROBE =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "a<b>"\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          ports: [{containerPort: 8080}]\n';
