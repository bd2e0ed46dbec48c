// Reads one upload from a multipart form: the CSRF token first (the form puts it before the
// file, so nothing of a forged request is read into memory), then at most one file, held in
// memory up to the site's limit. A larger file stops the read at the limit: nothing is stored.
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Invalid } from '../../../core/errors.ts';
import { parseInput } from '../../../core/validation.ts';
import { checkCsrf } from '../auth.ts';
import { UploadFields, UploadShape } from './schema.ts';

export interface ReceivedUpload {
  buffer: Buffer;
  filename: string;
  /** The type the browser declared: never trusted, only answered when the bytes disagree. */
  mimetype: string;
  fields: UploadFields;
}

/** Refusals that come from the multipart reader rather than from ingest, as ingest's field codes. */
function asInvalid(request: FastifyRequest, error: unknown): unknown {
  const errors = request.server.multipartErrors;
  if (error instanceof errors.RequestFileTooLargeError) {
    return new Invalid('The file is larger than the upload limit.', { file: 'too_large' });
  }
  if (error instanceof errors.FilesLimitError || error instanceof errors.PartsLimitError) {
    return new Invalid('Send one file at a time.', { file: 'too_many_files' });
  }
  return error;
}

export interface RawUpload {
  file: { buffer: Buffer; filename: string; mimetype: string } | null;
  /** A field sent twice is kept as a list, so a schema refuses it rather than one copy winning. */
  fields: Record<string, string | string[]>;
}

/**
 * Reads at most one file and a few text fields, the file held in memory up to `maxBytes`.
 * `beforeFile` runs once on the fields read so far, before the file's bytes are (or, with no
 * file, at the end): the newsroom checks its form token there.
 */
export async function readOneFile(
  request: FastifyRequest,
  maxBytes: number,
  beforeFile: (fields: RawUpload['fields']) => void,
): Promise<RawUpload> {
  const fields: RawUpload['fields'] = {};
  let file: RawUpload['file'] = null;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 16 * 1024, parts: 10 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        beforeFile(fields);
        file = { buffer: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype };
      } else if (typeof part.value === 'string') {
        const seen = fields[part.fieldname];
        fields[part.fieldname] = seen === undefined ? part.value : [seen, part.value].flat();
      }
    }
  } catch (error) {
    throw asInvalid(request, error);
  }
  if (!file) beforeFile(fields);
  return { file, fields };
}

export async function receiveUpload(request: FastifyRequest, maxBytes: number): Promise<ReceivedUpload> {
  const { file, fields } = await readOneFile(request, maxBytes, (read) => {
    request.body = { _csrf: read._csrf ?? '' };
    checkCsrf(request);
  });
  const parsed = UploadFields.safeParse(parseInput(UploadShape, fields));
  if (!parsed.success) throw new Invalid('A text field is too long.', { file: 'fields' });
  if (!file || file.buffer.length === 0) throw new Invalid('No file was sent.', { file: 'empty' });
  return { ...file, fields: parsed.data };
}
