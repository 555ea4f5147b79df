// Parse-only pass split over checking threads as the CLI splits its documents (consecutive runs of about as much
// text each): read and parse every file with remark + GFM in each thread, nothing else. The floor under the CLI's
// wall time on this machine with this parser. Usage: node bench/parse-threads.mjs ROOT PATTERN [PARSER], PARSER a
// module whose `parseMarkdown` parses as the gate does (bench/run.mjs builds one from src/markdown/document.ts).
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { glob } from 'tinyglobby';
import { unified } from 'unified';

if (isMainThread) {
  const [root, pattern, parser] = process.argv.slice(2);
  const files = (await glob(pattern, { cwd: root })).sort();
  const texts = await Promise.all(files.map((f) => readFile(path.join(root, f), 'utf8')));
  const count = Math.min(availableParallelism(), 4);
  const total = texts.reduce((n, t) => n + t.length + 256, 0);
  const parts = [[]];
  let done = 0;
  for (const text of texts) {
    parts.at(-1).push(text);
    done += text.length + 256;
    if (done >= (total * parts.length) / count && parts.length < count) parts.push([]);
  }
  const nodes = await Promise.all(
    parts
      .filter((p) => p.length > 0)
      .map(
        (part) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { part, parser } });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
  );
  process.stdout.write(`${files.length} ${nodes.reduce((a, b) => a + b, 0)} ${parts.length}\n`);
} else {
  const { part, parser } = workerData;
  const parse = parser
    ? (await import(pathToFileURL(parser).href)).parseMarkdown
    : (text) => unified().use(remarkParse).use(remarkGfm).parse(text);
  let nodes = 0;
  for (const text of part) nodes += parse(text).children.length;
  parentPort.postMessage(nodes);
}
