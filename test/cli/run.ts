/** The CLI from source, its input and output in memory: what `readiness-gate` does, without a process. */
import { main } from '../../src/cli/main.js';

export async function runCli(args: string[], options: { cwd: string; input?: string; env?: Record<string, string> }) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: options.cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: async () => options.input ?? '',
    isTTY: false,
    env: { NO_COLOR: '1', ...options.env },
  });
  return { code, stdout, stderr };
}
