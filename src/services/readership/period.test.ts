// Periods: the last N days ending today (UTC), or two dates; a bad one names its field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Malformed } from '../../core/errors.ts';
import { eachDay, resolvePeriod } from './period.ts';

const NOW = new Date('2026-12-04T21:00:00Z');

function refused(input: Record<string, string>): Record<string, string> {
  try {
    resolvePeriod(input, NOW);
  } catch (err) {
    assert.ok(err instanceof Malformed);
    return err.fields;
  }
  assert.fail(`accepted ${JSON.stringify(input)}`);
}

describe('readership period', () => {
  it('counts the last N days, today included, 30 by default', () => {
    assert.deepEqual(resolvePeriod({ days: '7' }, NOW), { from: '2026-11-28', to: '2026-12-04', days: 7 });
    assert.deepEqual(resolvePeriod({}, NOW), { from: '2026-11-05', to: '2026-12-04', days: 30 });
    assert.equal(eachDay(resolvePeriod({ days: '90' }, NOW)).length, 90);
  });

  it('takes two dates, both included', () => {
    const p = resolvePeriod({ from: '2026-02-27', to: '2026-03-01' }, NOW);
    assert.deepEqual(p, { from: '2026-02-27', to: '2026-03-01', days: null });
    assert.deepEqual(eachDay(p), ['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('refuses a bad period, naming the field', () => {
    assert.deepEqual(refused({ days: '8' }), { days: 'invalid' });
    assert.deepEqual(refused({ from: '2026-02-30', to: '2026-03-01' }), { from: 'invalid' });
    assert.deepEqual(refused({ from: 'yesterday', to: '2026-03-01' }), { from: 'invalid' });
    assert.deepEqual(refused({ from: '2026-03-02', to: '2026-03-01' }), { to: 'invalid' });
    assert.deepEqual(refused({ from: '2026-03-01' }), { to: 'invalid' });
    assert.deepEqual(refused({ to: '2026-03-01' }), { from: 'invalid' });
    assert.deepEqual(refused({ from: '2024-01-01', to: '2026-03-01' }), { from: 'invalid' });
    assert.deepEqual(refused({ days: '7', from: '2026-03-01', to: '2026-03-02' }), { days: 'invalid' });
  });
});
