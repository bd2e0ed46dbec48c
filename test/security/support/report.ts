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
  /** Cases of one kind (one input on one page, over every payload), printed as one line. */
  family?: string;
}

/** Above this many cases a file prints one line per family and writes every case to a file. */
const LISTED_IN_FULL = 400;

/** All test files of one `node --test` run share its process as their parent. */
export function runLedgerPath(): string {
  return path.join(os.tmpdir(), `midad-attack-suite-${process.ppid}.jsonl`);
}

export class AttackReport {
  private readonly cases: AttackCase[] = [];

  constructor(private readonly group: string) {}

  /** Records one case; returns `held` so a test can assert on it in the same line. */
  record(name: string, held: boolean, detail = '', family?: string): boolean {
    const entry: AttackCase = { group: this.group, name, held, detail, ...(family ? { family } : {}) };
    this.cases.push(entry);
    fs.appendFileSync(runLedgerPath(), `${JSON.stringify(entry)}\n`);
    return held;
  }

  gotThrough(): AttackCase[] {
    return this.cases.filter((c) => !c.held);
  }

  print(): void {
    const title = `attack suite: ${this.group}`;
    if (this.cases.length <= LISTED_IN_FULL) {
      process.stdout.write(`${formatCases(title, this.cases)}\n`);
      return;
    }
    // Thousands of lines would bury the rest of the test output: every case goes to a file, the
    // console gets a line per family and every case that got through.
    const file = path.join(os.tmpdir(), `midad-${this.group.replace(/[^a-z0-9]+/gi, '-')}-cases.txt`);
    fs.writeFileSync(file, `${formatCases(title, this.cases)}\n`);
    const families = new Map<string, AttackCase[]>();
    for (const c of this.cases) {
      const key = c.family ?? c.name;
      families.set(key, [...(families.get(key) ?? []), c]);
    }
    const lines = [
      `${title}: ${this.cases.length} cases, ${this.gotThrough().length} got through (every case in ${file})`,
    ];
    for (const [family, cases] of families) {
      const through = cases.filter((c) => !c.held).length;
      lines.push(
        `  ${through === 0 ? 'held' : 'GOT THROUGH'} | ${family} | ${cases.length} cases, ${through} got through`,
      );
    }
    for (const c of this.gotThrough()) lines.push(`  GOT THROUGH | ${c.name} | ${c.detail}`);
    process.stdout.write(`${lines.join('\n')}\n`);
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
