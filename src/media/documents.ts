// Documents the newsroom offers as downloads: PDF only. Like images they are recognised by their
// bytes, never by name or declared type, and stored under a fresh unguessable name.
import { Invalid } from '../core/errors.ts';
import type { Media } from '../core/types.ts';
import type { MediaRepository } from '../db/repositories/contract.ts';
import { MAX_INPUT_BYTES } from './images.ts';
import { LocalMediaStorage, type MediaStorage, newMediaStem } from './storage.ts';

export const PDF_MIME = 'application/pdf';

export interface DocumentDeps {
  repos: { media: Pick<MediaRepository, 'create'> };
  mediaRoot: string;
  storage?: MediaStorage;
  now?: Date;
  maxBytes?: number;
}

/**
 * A PDF starts with "%PDF-1.x" or "%PDF-2.x" (readers tolerate up to 1 KB of junk before it, but
 * a file we publish need not be that lenient) and ends with "%%EOF" in its last kilobyte.
 */
export function isPdf(buffer: Buffer): boolean {
  if (buffer.length < 16) return false;
  if (!/^%PDF-[12]\.\d/.test(buffer.subarray(0, 8).toString('latin1'))) return false;
  return buffer.subarray(Math.max(0, buffer.length - 1024)).includes('%%EOF', 0, 'latin1');
}

export async function ingestDocument(
  input: { buffer: Buffer; alt?: string; caption?: string; credit?: string },
  deps: DocumentDeps,
): Promise<Media> {
  const maxBytes = deps.maxBytes ?? MAX_INPUT_BYTES;
  if (input.buffer.length === 0) throw new Invalid('The upload is empty.', { file: 'empty' });
  if (input.buffer.length > maxBytes) {
    throw new Invalid(`The file is larger than ${maxBytes / 1024 / 1024} MB.`, { file: 'too_large' });
  }
  if (!isPdf(input.buffer)) throw new Invalid('The file is not a PDF document.', { file: 'not_image' });
  const storage = deps.storage ?? new LocalMediaStorage(deps.mediaRoot);
  const path = `${newMediaStem(deps.now)}.pdf`;
  await storage.save(path, input.buffer);
  try {
    return await deps.repos.media.create({
      path,
      mime: PDF_MIME,
      kind: 'document',
      size: input.buffer.length,
      alt: input.alt?.trim() ?? '',
      caption: input.caption?.trim() ?? '',
      credit: input.credit?.trim() ?? '',
    });
  } catch (error) {
    await storage.remove(path);
    throw error;
  }
}
