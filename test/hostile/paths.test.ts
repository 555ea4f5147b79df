// A file whose name holds a line break (\n, \r, U+2028) is selected by the globs and checked like any other: a
// literal Secret under such a folder is found, not passed over. Its name is echoed neutralised, as every path is.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { kindOf } from '../../src/kinds/index.js';
import { selectsPath } from '../../src/model/paths.js';
import { eachGitHub, runAction } from '../action/harness.js';
import { HEAD, pullRequestEvent, scenario } from '../action/scenario.js';

const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n';
const NAMES = ['deploy/team\u2028a/secret.yaml', 'deploy/team\na/secret.yaml', 'deploy/team\ra/secret.yaml'];

const use = eachGitHub();

describe('paths with line breaks in them', () => {
  it('are selected by the globs as Git reads them', () => {
    const config = loadConfig('evidence:\n  paths: ["deploy/**"]\n', 'x.yml');
    for (const name of NAMES) {
      expect(selectsPath(config.evidence, name), JSON.stringify(name)).toBe(true);
      expect(kindOf(name, config), JSON.stringify(name)).toBe('manifest');
    }
  });

  it('are read and checked by the action, and a literal Secret under one fails', async () => {
    const github = use(
      await scenario({
        files: NAMES.map((filename) => ({ filename, status: 'added' })),
      }),
    );
    for (const name of NAMES) github.setFile(HEAD, name, SECRET);
    const run = await runAction(github, { event: 'pull_request', payload: pullRequestEvent() });
    const secrets = run.report!.findings.filter((f) => f.ruleId === 'manifest-secret-literal');
    expect(secrets.map((f) => f.source).sort()).toEqual([...NAMES].sort());
    expect(run.code).toBe(1);
    // What is echoed of a name holds no raw line break: the comment stays one list, each path on its line.
    for (const comment of github.comments) expect(comment.body).not.toMatch(/team[\n\r\u2028]a/);
  });
});
