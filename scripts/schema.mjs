// Writes schema/readiness-gate.schema.json from the zod schema in src/config/schema.ts,
// so editors can complete and check .github/readiness-gate.yml.
import { mkdir, writeFile } from 'node:fs/promises';
import { importTs } from './import-ts.mjs';

const { configSchema } = await importTs('src/config/schema.ts');
const z = await import('zod/mini');
const schema = {
  $id: 'https://github.com/readiness-gate/readiness-gate/blob/main/schema/readiness-gate.schema.json',
  title: 'readiness-gate configuration',
  ...z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }),
};
await mkdir('schema', { recursive: true });
await writeFile('schema/readiness-gate.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
