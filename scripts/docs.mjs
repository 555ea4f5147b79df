// Writes what is generated from the project's own lists: the rules and formats tables and the list of kinds in docs/
// (src/rules/index.ts, src/report/formats.ts), a page per rule under docs/rules/, and the action's input
// defaults (src/action/defaults.ts) from action.yml, where they are written once.
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { importTs } from './import-ts.mjs';

const { PARTS, withGenerated, rulePages } = await importTs('src/docs.ts');
const { actionDefaultsModule } = await importTs('src/action/defaults-source.ts');
for (const file of new Set(PARTS.map((p) => p.file)))
  await writeFile(file, withGenerated(await readFile(file, 'utf8'), file));
await mkdir('docs/rules', { recursive: true });
const pages = rulePages((id) => readFileSync(`src/rules/${id}.ts`, 'utf8'));
for (const old of await readdir('docs/rules')) if (!pages.has(old)) await rm(`docs/rules/${old}`);
for (const [name, text] of pages) await writeFile(`docs/rules/${name}`, text);
// Written as prettier writes it, so that lint passes on what this writes.
const prettier = await import('prettier');
const options = { ...(await prettier.resolveConfig('src/action/defaults.ts')), filepath: 'src/action/defaults.ts' };
const defaults = await prettier.format(actionDefaultsModule(await readFile('action.yml', 'utf8')), options);
await writeFile('src/action/defaults.ts', defaults);
