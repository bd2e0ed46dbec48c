// Audio and video recognised by their bytes. The name a file was sent with and the type the
// browser claimed for it are never trusted: a page plays a file as what its first bytes say.
// Only the forms every current browser plays are accepted: MP3, M4A (AAC in MP4), Ogg Vorbis,
// Ogg Opus and WAV for audio; MP4 and WebM for video.
import { mp4Tracks } from './mp4-boxes.ts';

export type AvKind = 'audio' | 'video';

export interface SniffedAv {
  kind: AvKind;
  /** The Content-Type the file is served with. */
  mime: string;
  /** The extension it is stored under, which decides that Content-Type when served. */
  ext: string;
}

function ascii(buffer: Buffer, start: number, end: number): string {
  return buffer.subarray(start, end).toString('latin1');
}

/** MPEG-1/2/2.5 Layer III frame header at `at`, and the frame's length in bytes. */
function mp3FrameLength(buffer: Buffer, at: number): number | null {
  if (at + 4 > buffer.length) return null;
  const b1 = buffer[at + 1] ?? 0;
  const b2 = buffer[at + 2] ?? 0;
  if (buffer[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3; // 0 = 2.5, 2 = 2, 3 = 1
  const layer = (b1 >> 1) & 3; // 1 = layer III
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return null;
  const v1 = version === 3;
  const bitrates = v1
    ? [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
    : [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
  const rates = [44100, 48000, 32000][rateIndex] ?? 44100;
  const sampleRate = version === 3 ? rates : version === 2 ? rates / 2 : rates / 4;
  const padding = (b2 >> 1) & 1;
  const kbps = bitrates[bitrateIndex] ?? 0;
  return Math.floor(((v1 ? 144 : 72) * kbps * 1000) / sampleRate) + padding;
}

/** An MP3 starts with an ID3v2 tag or with two MPEG audio frames back to back. */
function isMp3(buffer: Buffer): boolean {
  let at = 0;
  if (ascii(buffer, 0, 3) === 'ID3' && buffer.length >= 10) {
    // The tag's size is four 7-bit bytes; the audio follows it.
    const size =
      ((buffer[6] ?? 0) << 21) | ((buffer[7] ?? 0) << 14) | ((buffer[8] ?? 0) << 7) | (buffer[9] ?? 0);
    at = 10 + size + ((buffer[5] ?? 0) & 0x10 ? 10 : 0);
  }
  const first = mp3FrameLength(buffer, at);
  if (first === null) return false;
  return mp3FrameLength(buffer, at + first) !== null || at + first === buffer.length;
}

function sniffOgg(buffer: Buffer): SniffedAv | null {
  // The first page holds the identification header of the first stream.
  const head = ascii(buffer, 0, Math.min(buffer.length, 256));
  if (head.includes('OpusHead')) return { kind: 'audio', mime: 'audio/ogg', ext: 'opus' };
  if (head.includes('\x01vorbis')) return { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' };
  return null;
}

/** The EBML header's DocType ("webm", "matroska"), read from its first bytes. */
function ebmlDocType(buffer: Buffer): string | null {
  if (buffer.readUInt32BE(0) !== 0x1a45dfa3) return null;
  const at = buffer.subarray(0, 64).indexOf(Buffer.from([0x42, 0x82]));
  if (at < 0) return null;
  const sizeByte = buffer[at + 2] ?? 0;
  // A one-byte size (1xxxxxxx) is what every muxer writes for the DocType.
  if ((sizeByte & 0x80) === 0) return null;
  const length = sizeByte & 0x7f;
  return ascii(buffer, at + 3, at + 3 + length);
}

function sniffMp4(buffer: Buffer): SniffedAv | null {
  if (ascii(buffer, 4, 8) !== 'ftyp') return null;
  const brand = ascii(buffer, 8, 12);
  if (brand === 'qt  ') return null; // QuickTime .mov: not every browser plays it
  const tracks = mp4Tracks(buffer);
  if (tracks.video) return { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
  if (tracks.audio || brand === 'M4A ' || brand === 'M4B ')
    return { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' };
  return null;
}

/** What the bytes are, when they are audio or video a browser plays; null otherwise. */
export function sniffAudioVideo(buffer: Buffer): SniffedAv | null {
  if (buffer.length < 12) return null;
  if (ascii(buffer, 0, 4) === 'RIFF' && ascii(buffer, 8, 12) === 'WAVE') {
    return { kind: 'audio', mime: 'audio/wav', ext: 'wav' };
  }
  if (ascii(buffer, 0, 4) === 'OggS') return sniffOgg(buffer);
  const docType = ebmlDocType(buffer);
  // Whether a WebM holds pictures is known after parsing; it is settled in probeAudioVideo.
  if (docType === 'webm') return { kind: 'video', mime: 'video/webm', ext: 'webm' };
  if (docType !== null) return null;
  const mp4 = sniffMp4(buffer);
  if (mp4) return mp4;
  if (isMp3(buffer)) return { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' };
  return null;
}

/** Whether a name or a declared type says audio or video (the claim a refusal answers). */
export function claimsAudioVideo(claim: { filename?: string; type?: string }): boolean {
  if (/^(audio|video)\//i.test(claim.type ?? '')) return true;
  return /\.(mp3|m4a|m4b|aac|ogg|oga|opus|wav|wave|flac|mp4|m4v|webm|mkv|mov|avi|3gp)$/i.test(
    claim.filename ?? '',
  );
}
