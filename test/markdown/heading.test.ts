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
  ])('%s matches %s', (a, b) => {
    expect(headingKey(a.replace(/^#+ /, ''))).toBe(headingKey(b));
  });

  it('keeps distinct names distinct', () => {
    expect(headingKey('Monitoring Checklist')).not.toBe(headingKey('Monitoring'));
    expect(headingKey('Deployment Steps')).not.toBe(headingKey('Deployment'));
  });
});
