import { describe, expect, it } from 'vitest';
import { example, fixture, onDescription } from '../helpers.js';

describe('item-required', () => {
  it('passes the example description', () => {
    expect(onDescription('item-required', example('pull-request.md'))).toEqual([]);
  });

  it('reports a deleted item at its section, not as a pass', () => {
    expect(onDescription('item-required', fixture('pull-requests/checklist-problems.md'))).toEqual([
      '9:1 Missing checklist item "Dashboards" in "Monitoring". Restore "- [ ] **Dashboards**" and tick it or waive it with "N/A — reason".',
    ]);
  });

  it('reports a renamed item', () => {
    const text = example('pull-request.md').replace('**Timeouts**', '**Time limits**');
    expect(onDescription('item-required', text)).toEqual([
      '18:1 Missing checklist item "Timeouts" in "Reliability". Restore "- [ ] **Timeouts**" and tick it or waive it with "N/A — reason".',
    ]);
  });

  it('accepts an item alias from the config', () => {
    const yaml =
      'pull-request:\n  sections:\n    - name: Reliability\n      items: [Health Checks, {label: Timeouts, aliases: [Time limits]}]\n';
    const text = '## Reliability\n- [x] **Health Checks**: yes\n- [x] **Time limits**: 2 s\n';
    expect(onDescription('item-required', text, { yaml })).toEqual([]);
  });

  it('does not require every item under an `any` policy', () => {
    const yaml =
      'pull-request:\n  sections:\n    - name: Reliability\n      policy: any\n      items: [Health Checks, Timeouts]\n';
    const text = '## Deployment\n## Monitoring\n## Resources\n## Reliability\n- [x] **Timeouts**: 2 s\n';
    const found = onDescription('item-required', text, { yaml });
    expect(found.filter((f) => f.includes('Reliability'))).toEqual([]);
    expect(found).toHaveLength(12); // the other three sections, under `all`, still miss their four items each
  });
});
