// Parse-only pass: read and parse every file with remark + GFM, nothing else.
// Usage: node bench/parse-only.mjs ROOT PATTERN
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { glob } from 'tinyglobby';
import { unified } from 'unified';

const [root, pattern] = process.argv.slice(2);
const processor = unified().use(remarkParse).use(remarkGfm);
const files = (await glob(pattern, { cwd: root })).sort();
let nodes = 0;
for (const file of files) {
  const tree = processor.parse(await readFile(path.join(root, file), 'utf8'));
  nodes += tree.children.length;
}
process.stdout.write(`${files.length} ${nodes}\n`);
