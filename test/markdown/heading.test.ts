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
  ])('%s matches %s', (a, b) => {
    expect(headingKey(a.replace(/^#+ /, ''))).toBe(headingKey(b));
  });

  it('keeps distinct names distinct', () => {
    expect(headingKey('Monitoring Checklist')).not.toBe(headingKey('Monitoring'));
    expect(headingKey('Deployment Steps')).not.toBe(headingKey('Deployment'));
    expect(headingKey('Pre-Deployment')).not.toBe(headingKey('Deployment'));
    expect(headingKey('2FA enabled')).toBe('2fa enabled');
  });
});
