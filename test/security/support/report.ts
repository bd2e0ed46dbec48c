// The attack suite's ledger. Every attack case records whether the server held (the outcome the
// case asserts) or the attack got through; each file prints its own table, and the cases are
// also appended to one file per test run so that `summary.test.ts` can print the whole count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface AttackCase {
  group: string;
  name: string;
  held: boolean;
  detail: string;
}

/** All test files of one `node --test` run share its process as their parent. */
export function runLedgerPath(): string {
  return path.join(os.tmpdir(), `midad-attack-suite-${process.ppid}.jsonl`);
}

export class AttackReport {
  private readonly cases: AttackCase[] = [];

  constructor(private readonly group: string) {}

  /** Records one case; returns `held` so a test can assert on it in the same line. */
  record(name: string, held: boolean, detail = ''): boolean {
    const entry = { group: this.group, name, held, detail };
    this.cases.push(entry);
    fs.appendFileSync(runLedgerPath(), `${JSON.stringify(entry)}\n`);
    return held;
  }

  gotThrough(): AttackCase[] {
    return this.cases.filter((c) => !c.held);
  }

  print(): void {
    process.stdout.write(`${formatCases(`attack suite: ${this.group}`, this.cases)}\n`);
  }
}

export function formatCases(title: string, cases: AttackCase[]): string {
  const lines = [`${title}: ${cases.length} cases, ${cases.filter((c) => !c.held).length} got through`];
  for (const c of cases) {
    lines.push(
      `  ${c.held ? 'held' : 'GOT THROUGH'} | ${c.group} | ${c.name}${c.detail ? ` | ${c.detail}` : ''}`,
    );
  }
  return lines.join('\n');
}
