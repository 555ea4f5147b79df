// Before any test: bundle src/ into dist/, so the tests that run the bundle (test/smoke, and the few
// hostile tests that need a real process or thread) run the source as it is now, not a stale build.
// The bundle is deterministic; .ci/run checks that the committed dist/ is what this produces.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' });
}
