// Captions and subtitles as WebVTT files. A track the browser cannot parse is silently ignored
// by the player, so the file is checked here: UTF-8, the "WEBVTT" signature on its first line,
// and every cue timing line well formed.
import { Invalid } from '../core/errors.ts';
import type { Media } from '../core/types.ts';
import type { MediaRepository } from '../db/repositories/contract.ts';
import { LocalMediaStorage, type MediaStorage, newMediaStem } from './storage.ts';

export const VTT_MIME = 'text/vtt';
/** Captions for a feature-length film fit in a few hundred kilobytes. */
export const MAX_VTT_BYTES = 2 * 1024 * 1024;

const SIGNATURE = /^\uFEFF?WEBVTT(?:[ \t][^\n]*)?(?:\r\n|\r|\n|$)/;
const TIMESTAMP = String.raw`(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}`;
const TIMING = new RegExp(`^${TIMESTAMP}[ \\t]+-->[ \\t]+${TIMESTAMP}(?:[ \\t].*)?$`);

/** Whether the bytes start like a WebVTT file (used to route an upload). */
export function looksLikeVtt(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 16).toString('utf8');
  return /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(head);
}

/** The file's text when it is valid WebVTT; Invalid with the reason otherwise. */
export function validateVtt(buffer: Buffer): string {
  if (buffer.length > MAX_VTT_BYTES) {
    throw new Invalid('A captions file may not be larger than 2 MB.', { file: 'too_large' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new Invalid('The captions file is not UTF-8 text.', { file: 'bad_captions' });
  }
  if (text.includes('\0')) throw new Invalid('The captions file is not text.', { file: 'bad_captions' });
  if (!SIGNATURE.test(text)) {
    throw new Invalid('A captions file must start with "WEBVTT".', { file: 'bad_captions' });
  }
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    if (line.includes('-->') && !TIMING.test(line.trim())) {
      throw new Invalid(`Line ${index + 1} of the captions file has a malformed cue time.`, {
        file: 'bad_captions',
      });
    }
  }
  return text;
}

export async function ingestCaptions(
  input: { buffer: Buffer; alt?: string; caption?: string; credit?: string },
  deps: {
    repos: { media: Pick<MediaRepository, 'create'> };
    mediaRoot: string;
    storage?: MediaStorage;
    now?: Date;
  },
): Promise<Media> {
  validateVtt(input.buffer);
  const storage = deps.storage ?? new LocalMediaStorage(deps.mediaRoot);
  const path = `${newMediaStem(deps.now)}.vtt`;
  await storage.save(path, input.buffer);
  try {
    return await deps.repos.media.create({
      path,
      mime: VTT_MIME,
      size: input.buffer.length,
      kind: 'captions',
      alt: input.alt?.trim() ?? '',
      caption: input.caption?.trim() ?? '',
      credit: input.credit?.trim() ?? '',
    });
  } catch (error) {
    await storage.remove(path);
    throw error;
  }
}
