// The pipeline over a source kept in memory: what it asks of a source, and in what order.
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/pipeline.js';
import { example } from './helpers.js';
import type { Unread } from '../src/model/files.js';
import { type ChangedFiles, type DocumentSource, ReadFailed } from '../src/source.js';

const BODY = example('pull-request.md').replace('examples/runbooks/', 'docs/runbooks/');

/** A repository in memory; `log` records each call as it starts, `fail` makes a call throw ReadFailed. */
function memory(files: Record<string, string>, changed: string[], fail: string[] = []) {
  const log: string[] = [];
  const call = async <T>(name: string, value: () => T): Promise<T> => {
    log.push(name);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (fail.includes(name)) throw new ReadFailed(name, 'it failed here');
    return value();
  };
  const source: DocumentSource = {
    concurrency: 2,
    config: () =>
      call('config', () => ({ path: '.github/readiness-gate.yml', text: files['.github/readiness-gate.yml'] })),
    pullRequest: () =>
      call('pullRequest', () => ({ body: BODY, draft: false, facts: { labels: [], author: 'octocat' } })),
    changedFiles: () =>
      call('changedFiles', (): ChangedFiles => ({ files: changed.map((path) => ({ path })), total: changed.length })),
    read: (file): Promise<string | undefined | Unread> => call(`read ${file.path}`, () => files[file.path]),
  };
  return { source, log };
}

describe('runPipeline', () => {
  it('asks for the config, the pull request and the changed files before waiting on any', async () => {
    const { source, log } = memory({ 'docs/runbooks/deploy-payments.md': example('runbooks/deploy-payments.md') }, [
      'docs/runbooks/deploy-payments.md',
    ]);
    const { report } = await runPipeline(source);
    expect(log.slice(0, 3)).toEqual(['config', 'pullRequest', 'changedFiles']);
    expect(log.slice(3)).toEqual(['read docs/runbooks/deploy-payments.md']);
    expect(report.conclusion).toBe('success');
  });

  it('hands back the config frozen: no adapter can change the rules of the run', async () => {
    const { source } = memory({}, []);
    const { config } = await runPipeline(source);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config!.pullRequest.runbook)).toBe(true);
    expect(() => {
      (config!.rules as Record<string, string>)['item-checked'] = 'off';
    }).toThrow(TypeError);
  });

  it('turns a failed read of the changed files into a finding, and still checks the description', async () => {
    const { source } = memory(
      { 'docs/runbooks/deploy-payments.md': example('runbooks/deploy-payments.md') },
      [],
      ['changedFiles'],
    );
    const { report } = await runPipeline(source);
    expect(report.findings.map((f) => [f.ruleId, f.source, f.message])).toEqual([
      [
        'read-failed',
        'pull-request',
        'Could not read changedFiles: it failed here. The gate fails until it can read what it checks; re-run the job.',
      ],
    ]);
    expect(report.passed.map((p) => p.ruleId)).toContain('runbook-exists');
    expect(report.conclusion).toBe('failure');
  });

  it('lets an error that is no failed read through: a fault of the gate is not a verdict', async () => {
    const { source } = memory({}, []);
    source.pullRequest = async () => {
      throw new TypeError('a bug');
    };
    await expect(runPipeline(source)).rejects.toThrow('a bug');
  });
});
