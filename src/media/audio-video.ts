// Audio and video for the media library: recognised by their bytes (sniff-av.ts), then read for
// what the page shows and the player needs: duration, codec, and for video the picture size the
// container declares. A file whose container cannot be read is refused, not stored: a player
// that cannot start is worse than no player.
import { Invalid } from '../core/errors.ts';
import type { Media } from '../core/types.ts';
import type { MediaRepository } from '../db/repositories/contract.ts';
import { readMp4 } from './mp4-boxes.ts';
import { type AvKind, type SniffedAv, sniffAudioVideo } from './sniff-av.ts';
import { LocalMediaStorage, type MediaStorage, newMediaStem } from './storage.ts';

export interface AvFacts extends SniffedAv {
  durationMs: number;
  codec: string | null;
  width: number | null;
  height: number | null;
}

/** Reads what a sniffed file says about itself; throws Invalid when it cannot be read. */
export async function probeAudioVideo(buffer: Buffer, sniffed: SniffedAv): Promise<AvFacts> {
  let kind: AvKind = sniffed.kind;
  let durationMs: number | null = null;
  let width: number | null = null;
  let height: number | null = null;
  const codecs: string[] = [];
  if (sniffed.ext === 'mp4' || sniffed.ext === 'm4a') {
    const mp4 = readMp4(buffer);
    durationMs = mp4.durationMs;
    width = mp4.width;
    height = mp4.height;
  }
  try {
    // Loaded with the first recording uploaded: serving pages does not need it.
    const { parseBuffer } = await import('music-metadata');
    const meta = await parseBuffer(
      new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length),
      { mimeType: sniffed.mime, size: buffer.length },
      { duration: true, skipCovers: true },
    );
    const seconds = meta.format.duration;
    if (durationMs === null && typeof seconds === 'number' && Number.isFinite(seconds)) {
      durationMs = Math.round(seconds * 1000);
    }
    const picture = meta.format.trackInfo.find((t) => t.video);
    if (picture?.video) {
      width ??= picture.video.pixelWidth ?? picture.video.displayWidth ?? null;
      height ??= picture.video.pixelHeight ?? picture.video.displayHeight ?? null;
      if (picture.codecName) codecs.push(picture.codecName);
    }
    if (sniffed.ext === 'webm') kind = picture || meta.format.hasVideo ? 'video' : 'audio';
    if (meta.format.codec) codecs.push(meta.format.codec);
  } catch (error) {
    // A video without sound can be beyond the audio parser while its container is sound.
    if (sniffed.kind === 'audio' || durationMs === null) {
      throw new Invalid(
        `The file looks like ${sniffed.ext.toUpperCase()} but cannot be read: ${message(error)}`,
        {
          file: 'unreadable_media',
        },
      );
    }
  }
  if (durationMs === null || durationMs <= 0) {
    throw new Invalid(`The ${sniffed.ext.toUpperCase()} file has no playable length.`, {
      file: 'unreadable_media',
    });
  }
  const mime = kind === 'audio' && sniffed.ext === 'webm' ? 'audio/webm' : sniffed.mime;
  return {
    ...sniffed,
    kind,
    mime,
    durationMs,
    codec: codecs.length > 0 ? [...new Set(codecs)].join(', ').slice(0, 120) : null,
    width: kind === 'video' ? width : null,
    height: kind === 'video' ? height : null,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
}

export interface AvDeps {
  repos: { media: Pick<MediaRepository, 'create'> };
  mediaRoot: string;
  storage?: MediaStorage;
  now?: Date;
  /** The audio and video size limit, checked before anything is read or written. */
  maxBytes: number;
}

export function tooLarge(maxBytes: number): Invalid {
  const mb = Math.round((maxBytes / 1024 / 1024) * 100) / 100;
  return new Invalid(`The file is larger than the ${mb} MB limit for audio and video.`, {
    file: 'too_large_av',
  });
}

/** Checks, reads and stores one audio or video file; null when the bytes are neither. */
export async function ingestAudioVideo(
  input: { buffer: Buffer; alt?: string; caption?: string; credit?: string },
  deps: AvDeps,
): Promise<Media | null> {
  const sniffed = sniffAudioVideo(input.buffer);
  if (!sniffed) return null;
  if (input.buffer.length > deps.maxBytes) throw tooLarge(deps.maxBytes);
  const facts = await probeAudioVideo(input.buffer, sniffed);
  const storage = deps.storage ?? new LocalMediaStorage(deps.mediaRoot);
  const path = `${newMediaStem(deps.now)}.${facts.ext}`;
  await storage.save(path, input.buffer);
  try {
    return await deps.repos.media.create({
      path,
      mime: facts.mime,
      size: input.buffer.length,
      kind: facts.kind,
      width: facts.width,
      height: facts.height,
      durationMs: facts.durationMs,
      codec: facts.codec,
      alt: input.alt?.trim() ?? '',
      caption: input.caption?.trim() ?? '',
      credit: input.credit?.trim() ?? '',
    });
  } catch (error) {
    await storage.remove(path);
    throw error;
  }
}
