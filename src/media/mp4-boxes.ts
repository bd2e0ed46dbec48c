// What an MP4 (ISO base media) file says about itself: its duration from the movie header
// (`mvhd`), and per track its kind (the handler in `hdlr`) and picture size (`tkhd`). Only the
// boxes on the way to those are read; the media data is skipped, wherever `moov` sits.

export interface Mp4Facts {
  durationMs: number | null;
  width: number | null;
  height: number | null;
  video: boolean;
  audio: boolean;
}

interface Box {
  type: string;
  /** Payload start and end (after the header). */
  start: number;
  end: number;
}

function* boxes(buffer: Buffer, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = buffer.readUInt32BE(at);
    const type = buffer.subarray(at + 4, at + 8).toString('latin1');
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) return;
      const large = buffer.readBigUInt64BE(at + 8);
      if (large > BigInt(end - at)) return;
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) return;
    yield { type, start: at + header, end: at + size };
    at += size;
  }
}

function child(buffer: Buffer, parent: Box, type: string): Box | null {
  for (const box of boxes(buffer, parent.start, parent.end)) if (box.type === type) return box;
  return null;
}

function movieDurationMs(buffer: Buffer, mvhd: Box): number | null {
  const version = buffer[mvhd.start];
  // version 1: 64-bit times; version 0: 32-bit. Timescale then duration follow the two times.
  const timescaleAt = mvhd.start + (version === 1 ? 20 : 12);
  if (timescaleAt + (version === 1 ? 12 : 8) > mvhd.end) return null;
  const timescale = buffer.readUInt32BE(timescaleAt);
  const duration =
    version === 1 ? Number(buffer.readBigUInt64BE(timescaleAt + 4)) : buffer.readUInt32BE(timescaleAt + 4);
  if (timescale === 0 || duration === 0 || duration === 0xffffffff) return null;
  return Math.round((duration / timescale) * 1000);
}

/** The track's presentation size: the last eight bytes of `tkhd`, two 16.16 fixed-point numbers. */
function trackSize(buffer: Buffer, tkhd: Box): { width: number; height: number } | null {
  if (tkhd.end - tkhd.start < 84) return null;
  const width = buffer.readUInt32BE(tkhd.end - 8) >>> 16;
  const height = buffer.readUInt32BE(tkhd.end - 4) >>> 16;
  return width > 0 && height > 0 ? { width, height } : null;
}

function handlerType(buffer: Buffer, trak: Box): string | null {
  const mdia = child(buffer, trak, 'mdia');
  const hdlr = mdia ? child(buffer, mdia, 'hdlr') : null;
  // version/flags (4), pre_defined (4), then the handler type.
  if (!hdlr || hdlr.start + 12 > hdlr.end) return null;
  return buffer.subarray(hdlr.start + 8, hdlr.start + 12).toString('latin1');
}

export function readMp4(buffer: Buffer): Mp4Facts {
  const facts: Mp4Facts = { durationMs: null, width: null, height: null, video: false, audio: false };
  const moov = [...boxes(buffer, 0, buffer.length)].find((b) => b.type === 'moov');
  if (!moov) return facts;
  const mvhd = child(buffer, moov, 'mvhd');
  if (mvhd) facts.durationMs = movieDurationMs(buffer, mvhd);
  for (const trak of boxes(buffer, moov.start, moov.end)) {
    if (trak.type !== 'trak') continue;
    const handler = handlerType(buffer, trak);
    if (handler === 'soun') facts.audio = true;
    if (handler !== 'vide') continue;
    facts.video = true;
    const tkhd = child(buffer, trak, 'tkhd');
    const size = tkhd ? trackSize(buffer, tkhd) : null;
    if (size && facts.width === null) {
      facts.width = size.width;
      facts.height = size.height;
    }
  }
  return facts;
}

export function mp4Tracks(buffer: Buffer): { video: boolean; audio: boolean } {
  const { video, audio } = readMp4(buffer);
  return { video, audio };
}
