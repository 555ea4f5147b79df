// Writes the README's rules table from the list of rules (src/rules/index.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { importTs } from './import-ts.mjs';

const { withRulesTable } = await importTs('src/rules/docs.ts');
await writeFile('README.md', withRulesTable(await readFile('README.md', 'utf8')));
