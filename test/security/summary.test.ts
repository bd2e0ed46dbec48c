// The attack suite's total over every file of this test run (the cases live in attacks/, whose
// files sort, and so run, before this one). Run alone, it has nothing to count and says so.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { type AttackCase, runLedgerPath } from './support/report.ts';

describe('attack suite summary', () => {
  it('counts every case of this run and finds none that got through', (t) => {
    const ledger = runLedgerPath();
    if (!fs.existsSync(ledger)) {
      t.skip('no attack case ran in this test run');
      return;
    }
    const cases = fs
      .readFileSync(ledger, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AttackCase);
    fs.rmSync(ledger, { force: true });
    const byGroup = new Map<string, AttackCase[]>();
    for (const c of cases) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
    const lines = ['attack suite total:'];
    for (const [group, list] of [...byGroup].sort()) {
      lines.push(`  ${group}: ${list.length} cases, ${list.filter((c) => !c.held).length} got through`);
    }
    const through = cases.filter((c) => !c.held);
    lines.push(`  all: ${cases.length} cases, ${through.length} got through`);
    process.stdout.write(`${lines.join('\n')}\n`);
    assert.deepEqual(
      through.map((c) => `${c.group}: ${c.name}`),
      [],
      'attack cases that got through',
    );
  });
});
