import { describe, expect, it } from 'vitest';
import { example, fixture, onDescription } from '../helpers.js';

describe('item-checked', () => {
  it('passes ticked items and waivers with a reason', () => {
    expect(onDescription('item-checked', example('pull-request.md'))).toEqual([]);
  });

  it('reports an unticked item at its line', () => {
    expect(onDescription('item-checked', fixture('pull-requests/checklist-problems.md'))).toEqual([
      '5:1 "Rollback Plan" in "Deployment" is not ticked. Tick it once done, or write "N/A — reason" after the label.',
    ]);
  });

  it('reads labels written `**Label:**`, with a dash, or without bold', () => {
    const text =
      '## Reliability\n- [x] **Health Checks:** ok\n- [x] **Graceful Shutdown** — ok\n- [ ] Circuit Breakers: later\n- [x] Timeouts\n';
    expect(onDescription('item-checked', text)).toEqual([
      '4:1 "Circuit Breakers" in "Reliability" is not ticked. Tick it once done, or write "N/A — reason" after the label.',
    ]);
  });

  it('counts only items of the section itself and its subsections', () => {
    const text = '## Monitoring\n### Details\n- [ ] **Metrics**: not yet\n## Other\n- [ ] **Alerts**: outside\n';
    expect(onDescription('item-checked', text).filter((f) => f.includes('Monitoring'))).toEqual([
      '3:1 "Metrics" in "Monitoring" is not ticked. Tick it once done, or write "N/A — reason" after the label.',
    ]);
  });

  it('applies at-least policies to the section', () => {
    const yaml =
      'extends: none\npull-request:\n  sections:\n    - name: Testing\n      policy: {at-least: 2}\n      items: [Unit, Integration, Load]\n';
    expect(onDescription('item-checked', '## Testing\n- [x] **Unit**\n- [ ] **Load**\n', { yaml })).toEqual([
      '1:1 "Testing" needs at least 2 of "Unit", "Integration", "Load" ticked; 1 is.',
    ]);
    expect(onDescription('item-checked', '## Testing\n- [x] **Unit**\n- [x] **Load**\n', { yaml })).toEqual([]);
  });
});
