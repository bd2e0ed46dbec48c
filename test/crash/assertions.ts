// What every crash test asserts of its report: nothing acknowledged lost, nothing inconsistent,
// every kill made, and the clients really wrote (or the test proves nothing: each round waits for
// a comment and an editor's save before its kill, and an editor's first save of a round publishes).
import assert from 'node:assert/strict';
import type { CrashReport } from './run.ts';

export function assertNothingLost(report: CrashReport, kills: number, workerKills?: number): void {
  console.log(report.summary);
  assert.deepEqual(report.lost, [], `acknowledged writes lost:\n${report.lost.slice(0, 20).join('\n')}`);
  assert.deepEqual(report.problems, [], report.problems.slice(0, 20).join('\n'));
  assert.equal(report.kills, kills);
  if (workerKills !== undefined) assert.equal(report.workerKills, workerKills, 'kills of one worker');
  const { comments, saves, publishes } = report.counts;
  assert.ok(comments >= kills && saves + publishes >= kills && publishes > 0, report.summary);
}
