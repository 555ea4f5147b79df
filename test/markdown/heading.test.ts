import { describe, expect, it } from 'vitest';
import { headingKey } from '../../src/markdown/heading.js';

describe('headingKey', () => {
  it.each([
    ['## 🔧 DevOps Sign-off', 'DevOps Sign-off'],
    ['Operations Review: Gateway', 'Operations Review'],
    ['Deployment:', 'deployment'],
    ['🔴 Operational Risks', 'operational risks'],
    ['  RESOURCES  ', 'Resources'],
    ['Pre-Deployment Checklist', 'pre deployment checklist'],
    ['1. Overview', 'Overview'],
    ['2) Rollback Procedure', 'Rollback Procedure'],
    ['Step 3: Verification', 'Verification'],
    ['3.2 Known Issues', 'Known Issues'],
    ['Testing (REQUIRED)', 'Testing'],
    ['Screenshots (optional)', 'Screenshots'],
    ['Monitoring — what we watch, and why', 'Monitoring'],
    ['Rollback – how to undo it', 'Rollback'],
    ['Monitoring & Alerting', 'Monitoring and Alerting'],
    ['Medium (customer-facing)', 'Medium'],
    [':airplane: Reliability', 'Reliability'],
    [':white_check_mark: Testing: unit and e2e', 'Testing'],
    [':+1: Approval', 'Approval'],
    ['Time\u200bouts', 'Timeouts'],
    ['Roll\u00adback Procedure', 'Rollback Procedure'],
    ['\uff32\uff45\uff4c\uff49\uff41\uff42\uff49\uff4c\uff49\uff54\uff59', 'Reliability'],
  ])('%s matches %s', (a, b) => {
    expect(headingKey(a.replace(/^#+ /, ''))).toBe(headingKey(b));
  });

  it('keeps distinct names distinct', () => {
    expect(headingKey('Monitoring Checklist')).not.toBe(headingKey('Monitoring'));
    expect(headingKey('Deployment Steps')).not.toBe(headingKey('Deployment'));
    expect(headingKey('Pre-Deployment')).not.toBe(headingKey('Deployment'));
    expect(headingKey('2FA enabled')).toBe('2fa enabled');
    // Digits between colons are a time, not a shortcode; and a name is never what is dropped.
    expect(headingKey('Outage at 10:30:45')).toBe('outage at 10');
    expect(headingKey(':construction: Rollout: staged')).toBe('rollout');
  });
});
