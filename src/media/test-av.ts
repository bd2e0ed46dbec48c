// Audio and video made on the spot for tests: a WAV and an MP3 of silence and a minimal MP4
// built byte by byte (always available), and real encodes from ffmpeg when it is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** 16-bit mono PCM of a quiet tone, `seconds` long. */
export function wavFile(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin(i / 10) * 2000), i * 2);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVE', 8, 'latin1');
  head.write('fmt ', 12, 'latin1');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(sampleRate, 24);
  head.writeUInt32LE(sampleRate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'latin1');
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

/** MPEG-1 Layer III frames of silence (128 kbit/s, 44.1 kHz): 1152 samples each, about 26 ms. */
export function mp3File(frames: number): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0xc4]);
  return Buffer.concat(Array.from({ length: frames }, () => frame));
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

const MATRIX = (() => {
  const m = Buffer.alloc(36);
  m.writeUInt32BE(0x00010000, 0);
  m.writeUInt32BE(0x00010000, 16);
  m.writeUInt32BE(0x40000000, 32);
  return m;
})();

/** An MP4 with a movie header and one video track header: what the container says, no frames. */
export function minimalMp4(opts: {
  durationMs: number;
  width: number;
  height: number;
  large?: boolean;
}): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale
  mvhd.writeUInt32BE(opts.durationMs, 16);
  mvhd.writeUInt32BE(0x00010000, 20);
  mvhd.writeUInt16BE(0x0100, 24);
  MATRIX.copy(mvhd, 36);
  mvhd.writeUInt32BE(2, 96);
  const tkhd = Buffer.alloc(84);
  tkhd.writeUInt32BE(0x00000003, 0);
  tkhd.writeUInt32BE(1, 12);
  tkhd.writeUInt32BE(opts.durationMs, 20);
  MATRIX.copy(tkhd, 40);
  tkhd.writeUInt32BE(opts.width * 0x10000, 76);
  tkhd.writeUInt32BE(opts.height * 0x10000, 80);
  const hdlr = Buffer.concat([Buffer.alloc(8), Buffer.from('vide', 'latin1'), Buffer.alloc(13)]);
  const trak = box('trak', box('tkhd', tkhd), box('mdia', box('hdlr', hdlr)));
  const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isommp41', 'latin1'));
  // Media data before the movie box, as cameras write it, optionally past 64 KB.
  const mdat = box('mdat', Buffer.alloc(opts.large ? 70_000 : 16));
  return Buffer.concat([ftyp, mdat, box('moov', box('mvhd', mvhd), trak)]);
}

export const hasFfmpeg = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;

/**
 * A real encode by ffmpeg from its test sources: `video` adds a moving test picture.
 * Throws when ffmpeg is missing (tests that need it are skipped then).
 */
export function ffmpegFile(
  ext: string,
  codecArgs: string[],
  opts: { seconds: number; video?: boolean },
): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'midad-av-'));
  try {
    const out = path.join(dir, `clip.${ext}`);
    const inputs = ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${opts.seconds}`];
    if (opts.video) inputs.push('-f', 'lavfi', '-i', `testsrc=size=320x180:rate=10:duration=${opts.seconds}`);
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', ...inputs, ...codecArgs, '-shortest', out]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
