// The log's lines stay whole when the workers of one `midad serve` share a pipe (docker logs, a
// log collector) and its reader falls behind: two processes write thousands of lines through
// the buffered destination into one pipe read slowly, and every line read is one of theirs,
// whole. Writes larger than PIPE_BUF were split there and spliced into each other's lines.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';

const LINES = 8000;

describe('request log on a pipe shared by workers', () => {
  it('keeps every line whole', { timeout: 120_000 }, async () => {
    const writer = (name: string) =>
      `"${process.execPath}" --import tsx test/fixtures/logs/pipe-writer.ts ${name} ${LINES}`;
    const reader = `"${process.execPath}" test/fixtures/logs/slow-reader.mjs`;
    const shell = spawn('sh', ['-c', `(${writer('a')} & ${writer('b')} & wait) | ${reader}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    shell.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    shell.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    const code = await new Promise((resolve) => shell.on('close', resolve));
    assert.equal(code, 0, err);

    const seen = { a: new Set<number>(), b: new Set<number>() };
    const broken: string[] = [];
    for (const line of out.split('\n').filter((l) => l !== '')) {
      try {
        const entry = JSON.parse(line) as { writer: 'a' | 'b'; line: number };
        seen[entry.writer].add(entry.line);
      } catch {
        broken.push(line);
      }
    }
    assert.deepEqual(broken.slice(0, 3), [], `${broken.length} lines spliced together`);
    assert.equal(seen.a.size, LINES, 'every line of the first writer arrived');
    assert.equal(seen.b.size, LINES, 'every line of the second writer arrived');
  });
});
