/** Entry of the CLI bundle (`dist/cli.js`), and of its checking threads. */
import { serveCheckThread, setCheckScript } from './budget.js';
import { main } from './cli/main.js';

if (!(await serveCheckThread())) {
  setCheckScript(new URL(import.meta.url));
  const chunks: Buffer[] = [];
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: async () => {
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  });
}
