// Turns page scans into attack cases: one per payload × input × page. A finding that carries a
// payload's mark charges that payload; one without a mark (or with a mark nobody expected on the
// page) is charged to the page. Text inputs must show up as inert text on at least one page, so
// a case never passes because its payload never arrived; HTML inputs may lose a payload to the
// sanitizer, which is the policy doing its job.
import assert from 'node:assert/strict';
import type { AttackReport } from './report.ts';
import { PAYLOADS, type Payload } from './xss-payloads.ts';
import type { CapturedResponse, PageScan, XssScanner } from './xss-scan.ts';

/** One page to load and the inputs whose payloads were put on it. */
export interface Job {
  page: string;
  path: string;
  inputs: { input: Input; payloads: Payload[] }[];
  status?: number;
  /** Also load it with the Content Security Policy off, where any payload that arrived would run. */
  relaxed?: boolean;
  /** The app's answer to a POST, shown at `path` (see XssScanner.scan). */
  response?: CapturedResponse;
}

export interface Input {
  /** Mark suffix, e.g. "t" for a title. */
  surface: string;
  /** e.g. "article title". */
  name: string;
  /** The sanitizer may remove a payload altogether (article HTML). */
  mayVanish?: boolean;
}

export class XssLedger {
  private readonly shown = new Map<string, Set<string>>();
  private readonly offered = new Map<string, Input>();

  constructor(private readonly report: AttackReport) {}

  /**
   * Records the cases of one page: each payload of each input that was put on it. `expectedStatus`
   * guards against scanning an error page instead of the real one.
   */
  page(
    pageName: string,
    scan: PageScan,
    inputs: { input: Input; payloads: Payload[] }[],
    expectedStatus = 200,
  ): void {
    assert.equal(scan.status, expectedStatus, `${pageName} (${scan.url}) answered ${scan.status}`);
    const expected = new Set<string>();
    for (const { input, payloads } of inputs) {
      this.offered.set(input.surface, input);
      for (const p of payloads) {
        const mark = `${p.id}${input.surface}`;
        expected.add(mark);
        const present = scan.present.has(mark);
        if (!present && !input.mayVanish) continue;
        if (present) this.seen(input.surface, p.id);
        const hits = scan.findings.filter((f) => f.marks.includes(mark));
        this.report.record(
          `${p.id} ${p.label} | ${input.name} | ${pageName}`,
          hits.length === 0,
          hits.length > 0
            ? hits.map((f) => f.what).join('; ')
            : present
              ? 'shown inert'
              : 'removed by the server',
          `${input.name} | ${pageName}`,
        );
      }
    }
    const stray = scan.findings.filter((f) => f.marks.length === 0 || f.marks.some((m) => !expected.has(m)));
    this.report.record(
      `${pageName}: nothing active besides the payloads above`,
      stray.length === 0,
      stray.map((f) => `${f.marks.join(',') || 'no mark'} ${f.what}`).join('; '),
    );
  }

  /** Scans the jobs' pages side by side and records their cases in the jobs' order. */
  async run(scanner: XssScanner, baseUrl: string, jobs: Job[]): Promise<void> {
    const scans = await Promise.all(
      jobs.map((j) =>
        scanner.scan(`${baseUrl}${j.path}`, {
          ...(j.response ? { response: j.response } : {}),
          relaxed: j.relaxed === true,
        }),
      ),
    );
    for (const [i, j] of jobs.entries()) this.page(j.page, scans[i]!, j.inputs, j.status);
  }

  private seen(surface: string, id: string): void {
    const set = this.shown.get(surface) ?? new Set<string>();
    set.add(id);
    this.shown.set(surface, set);
  }

  /** Every text payload offered to an input showed up on some page it was checked on. */
  assertDelivered(input: Input, payloads: Payload[]): void {
    if (input.mayVanish) return;
    const shown = this.shown.get(input.surface) ?? new Set<string>();
    const missing = payloads.filter((p) => !shown.has(p.id)).map((p) => `${p.id} ${p.label}`);
    assert.deepEqual(missing, [], `payloads of "${input.name}" never shown on any page`);
  }
}

export { PAYLOADS };
