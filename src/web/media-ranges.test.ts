// Media files over a real HTTP connection, as a player asks for them: byte ranges answered with
// 206 and Content-Range (seeking on a slow network), 416 for a range past the end, If-Range
// honoured, HEAD, the right Content-Type per format, long cache lifetimes, and never compressed
// on the way (a compressed range would be bytes of another file).
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../test/support/site.ts';
import { minimalMp4, mp3File, wavFile } from '../media/test-av.ts';

let site: TestSite;
const files = new Map<string, Buffer>();

before(async () => {
  site = await startTestSite({ listen: true });
  const root = site.services.config.mediaRoot;
  await mkdir(path.join(root, '2026/12'), { recursive: true });
  const vtt = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nالنهر\n'.repeat(200));
  for (const [name, data] of [
    ['2026/12/clip.mp4', minimalMp4({ durationMs: 5000, width: 320, height: 180, large: true })],
    ['2026/12/talk.mp3', mp3File(300)],
    ['2026/12/talk.wav', wavFile(3)],
    ['2026/12/talk.m4a', minimalMp4({ durationMs: 1000, width: 0, height: 0 })],
    ['2026/12/talk.ogg', Buffer.from('OggS placeholder bytes')],
    ['2026/12/talk.opus', Buffer.from('OggS placeholder bytes')],
    ['2026/12/clip.webm', Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4])],
    ['2026/12/talk-ar.vtt', vtt],
  ] as const) {
    await writeFile(path.join(root, name), data);
    files.set(name, data);
  }
});
after(() => site.close());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request (fetch would add its own Accept-Encoding and hide what came over the wire). */
function request(file: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${site.baseUrl}/media/${file}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('media files answer range requests', () => {
  it('answers a whole file with Accept-Ranges, its type and a year-long immutable cache', async () => {
    const res = await request('2026/12/clip.mp4');
    assert.equal(res.status, 200);
    assert.equal(res.headers['accept-ranges'], 'bytes');
    assert.equal(res.headers['content-type'], 'video/mp4');
    assert.match(res.headers['cache-control'] ?? '', /max-age=31536000/);
    assert.match(res.headers['cache-control'] ?? '', /immutable/);
    assert.ok(res.body.equals(files.get('2026/12/clip.mp4')!));
  });

  it('gives each format its Content-Type', async () => {
    const expected: Record<string, RegExp> = {
      '2026/12/talk.mp3': /^audio\/mpeg$/,
      '2026/12/talk.wav': /^audio\/(wav|wave|x-wav)$/,
      '2026/12/talk.m4a': /^audio\/(mp4|x-m4a)$/,
      '2026/12/talk.ogg': /^audio\/ogg$/,
      '2026/12/talk.opus': /^audio\/(ogg|opus)$/,
      '2026/12/clip.webm': /^video\/webm$/,
      '2026/12/talk-ar.vtt': /^text\/vtt; charset=utf-8$/i,
    };
    for (const [file, type] of Object.entries(expected)) {
      const res = await request(file, {}, 'HEAD');
      assert.equal(res.status, 200, file);
      assert.match(res.headers['content-type'] ?? '', type, file);
    }
  });

  it('answers ranges with 206 and Content-Range: the start, a middle seek, the tail, an open end', async () => {
    const whole = files.get('2026/12/talk.mp3')!;
    const size = whole.length;
    const cases: [string, number, number][] = [
      ['bytes=0-1', 0, 1],
      ['bytes=50000-50999', 50_000, 50_999],
      ['bytes=100000-', 100_000, size - 1],
      [`bytes=-500`, size - 500, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await request('2026/12/talk.mp3', { range, 'accept-encoding': 'gzip, br' });
      assert.equal(res.status, 206, range);
      assert.equal(res.headers['content-range'], `bytes ${start}-${end}/${size}`, range);
      assert.equal(Number(res.headers['content-length']), end - start + 1, range);
      assert.equal(res.headers['content-encoding'], undefined, `${range} is not compressed`);
      assert.ok(res.body.equals(whole.subarray(start, end + 1)), `${range}: the right bytes`);
      assert.equal(res.headers['content-type'], 'audio/mpeg');
    }
  });

  it('never compresses a caption file asked for by range', async () => {
    const vtt = files.get('2026/12/talk-ar.vtt')!;
    const res = await request('2026/12/talk-ar.vtt', { range: 'bytes=0-99', 'accept-encoding': 'gzip, br' });
    assert.equal(res.status, 206);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.ok(res.body.equals(vtt.subarray(0, 100)));
  });

  it('answers 416 with the size for a range past the end', async () => {
    const size = files.get('2026/12/talk.wav')!.length;
    const res = await request('2026/12/talk.wav', { range: `bytes=${size + 10}-${size + 20}` });
    assert.equal(res.status, 416);
    assert.equal(res.headers['content-range'], `bytes */${size}`);
  });

  it('answers HEAD with the length and no body, and a ranged HEAD with 206', async () => {
    const size = files.get('2026/12/clip.mp4')!.length;
    const head = await request('2026/12/clip.mp4', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers['content-length']), size);
    assert.equal(head.body.length, 0);
    const ranged = await request('2026/12/clip.mp4', { range: 'bytes=10-19' }, 'HEAD');
    assert.equal(ranged.status, 206);
    assert.equal(ranged.headers['content-range'], `bytes 10-19/${size}`);
  });

  it('honours If-Range: the current validator gets the range, a stale one the whole file', async () => {
    const first = await request('2026/12/clip.mp4');
    const etag = first.headers.etag;
    const modified = first.headers['last-modified'];
    assert.ok(etag, 'an ETag to resume with');
    const current = await request('2026/12/clip.mp4', { range: 'bytes=100-199', 'if-range': etag });
    assert.equal(current.status, 206);
    assert.equal(current.body.length, 100);
    const stale = await request('2026/12/clip.mp4', {
      range: 'bytes=100-199',
      'if-range': '"not-the-same-file"',
    });
    assert.equal(stale.status, 200);
    assert.equal(stale.body.length, first.body.length);
    if (modified) {
      const byDate = await request('2026/12/clip.mp4', { range: 'bytes=0-9', 'if-range': modified });
      assert.equal(byDate.status, 206);
    }
  });
});
