// The one place that turns errors into answers, for the reader site, the newsroom and the APIs.
// An error is told apart by its class and code (core/errors.ts), never by its message text:
// - our own errors answer with their status and code; a malformed request (Malformed, or a
//   ZodError a route let through) is a 400 naming the fields;
// - Fastify's own refusals (bad JSON, oversized body, rate limit) keep their 4xx status;
// - an unreachable database is a 503 with Retry-After (the page cache still serves what it
//   holds, and the pool reconnects by itself); anything else is logged with its stack and is a
//   500. Nobody is shown a stack trace.
// The answer's form follows the request: JSON for /api/ and for clients asking for JSON, the
// newsroom's page (in the person's language) under /newsroom, the reader's error page (in the
// path's language) everywhere else.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { Invalid, MidadError, Unauthorized } from '../core/errors.ts';
import { format, type MessageKey, type Messages } from '../core/i18n.ts';
import type { Edition } from '../core/types.ts';
import { malformedFrom } from '../core/validation.ts';
import { isOutage } from '../services/health.ts';
import { newsroomMessages } from './newsroom/messages.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from './newsroom/page.ts';
import {
  EditionElsewhere,
  offlineReaderContext,
  editionOfRequestPath,
  publishedLanguage,
  publishedMessages,
  type ReaderContext,
  readerContext,
  type ReaderDeps,
} from './reader/context.ts';
import { editionPrefix } from './reader/urls.ts';
import { renderErrorPage } from './reader/views/render.ts';

/** Seconds a client (or a crawler) is asked to wait before trying again during an outage. */
export const RETRY_AFTER_SECONDS = 30;

/** What any error comes to: a status, a stable code, and for refused input the fields and why. */
export interface ErrorAnswer {
  status: number;
  code: string;
  /** The error's own words: shown to API clients (developers), not to readers or staff. */
  message: string;
  fields?: Record<string, string>;
  /** Extra facts a client can act on (e.g. where a media file is still used). */
  details?: Record<string, unknown>;
  /** Headers the answer must carry (the bearer challenge of a 401). */
  headers?: Record<string, string>;
}

/** RFC 6750: a request without a token gets the bare challenge, a bad token says so. */
function bearerChallenge(error: Unauthorized): string {
  return error.reason === 'invalid' ? 'Bearer realm="midad", error="invalid_token"' : 'Bearer realm="midad"';
}

const CODE_OF_STATUS: Record<number, string> = {
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'timeout',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  500: 'internal',
  503: 'unavailable',
};

/** The answer for an error, or null for a fault of ours (outage or bug). */
export function answerFor(error: unknown): ErrorAnswer | null {
  if (error instanceof ZodError) return answerFor(malformedFrom(error, undefined));
  if (error instanceof MidadError) {
    if (error.status >= 500) return null;
    const { fields: _fields, ...details } = error.details ?? {};
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error instanceof Invalid && Object.keys(error.fields).length > 0 ? { fields: error.fields } : {}),
      ...(Object.keys(details).length > 0 ? { details } : {}),
      ...(error instanceof Unauthorized ? { headers: { 'www-authenticate': bearerChallenge(error) } } : {}),
    };
  }
  const status = (error as Partial<FastifyError>)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // A media file's unsatisfiable range says how long the file is, so the player can ask again.
    const range =
      status === 416 ? (error as { headers?: Record<string, string> }).headers?.['Content-Range'] : undefined;
    return {
      status,
      code: CODE_OF_STATUS[status] ?? 'bad_request',
      message: (error as Error).message,
      ...(range ? { headers: { 'content-range': range } } : {}),
    };
  }
  return null;
}

interface Words {
  heading: string;
  message: string;
  details?: string;
}

/** Heading and text of an answer, in words for people. */
function wordsFor(answer: ErrorAnswer, t: Messages): Words {
  const pick = (heading: MessageKey, message: MessageKey) => ({ heading: t[heading], message: t[message] });
  let words: { heading: string; message: string };
  if (answer.code === 'malformed') words = pick('badRequestTitle', 'badRequestText');
  else if (answer.status === 404) words = pick('notFoundTitle', 'notFoundText');
  else if (answer.status === 403) words = pick('forbiddenTitle', 'forbiddenText');
  else if (answer.status === 409) words = pick('conflictTitle', 'conflictText');
  else if (answer.status === 413) words = pick('tooLargeTitle', 'tooLargeText');
  else if (answer.status === 429) words = pick('tooManyTitle', 'tooManyText');
  else if (answer.status === 422) words = pick('invalidTitle', 'invalidText');
  else words = pick('badRequestTitle', 'badRequestText');
  if (!answer.fields) return words;
  return { ...words, details: describeFields(answer.fields, t) };
}

const PROBLEM_WORDS: Record<string, MessageKey> = {
  repeated: 'fieldRepeated',
  missing: 'fieldMissing',
  too_long: 'fieldTooLong',
  too_short: 'fieldTooShort',
};

function describeFields(fields: Record<string, string>, t: Messages): string {
  const list = Object.entries(fields)
    // Field names are Latin identifiers: isolated (FSI…PDI) so they keep their place in Arabic text.
    .map(([field, problem]) => `\u2068«${field}»\u2069 ${t[PROBLEM_WORDS[problem] ?? 'fieldInvalid']}`)
    .join('، ');
  return format(t.fieldProblems, { fields: list });
}

/**
 * Refusals the newsroom words more precisely than the generic text of their status: staff whose
 * form outlived its session are told to reload, not that they lack a right.
 */
const NEWSROOM_WORDS: Partial<Record<string, 'csrfFailed' | 'mediaInUse' | 'formRejected'>> = {
  csrf: 'csrfFailed',
  in_use: 'mediaInUse',
  malformed: 'formRejected',
};

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return isApi(request) || (accept.includes('application/json') && !accept.includes('text/html'));
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function isNewsroom(request: FastifyRequest): boolean {
  return (
    request.url === '/newsroom' ||
    request.url.startsWith('/newsroom/') ||
    request.url.startsWith('/newsroom?')
  );
}

/** The language an answer is worded in: the signed-in person's in the newsroom, the path's elsewhere. */
function answerLanguage(deps: ReaderDeps, request: FastifyRequest): Edition {
  if (isApi(request)) return 'en';
  return isNewsroom(request)
    ? languageOf(request)
    : publishedLanguage(deps, editionOfRequestPath(deps, request.url));
}

export async function sendErrorAnswer(
  deps: ReaderDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  answer: ErrorAnswer,
): Promise<FastifyReply> {
  const lang = answerLanguage(deps, request);
  const t = publishedMessages(deps, lang);
  reply.code(answer.status).header('cache-control', 'no-store');
  for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
  if (answer.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  const words: Words =
    answer.status >= 500
      ? answer.status === 503
        ? { heading: t.unavailableTitle, message: t.unavailableText }
        : { heading: t.serverErrorTitle, message: t.serverErrorText }
      : wordsFor(answer, t);
  const staffWords = isNewsroom(request) ? NEWSROOM_WORDS[answer.code] : undefined;
  if (staffWords) words.message = newsroomMessages(languageOf(request))[staffWords];
  if (wantsJson(request)) {
    reply.type('application/json; charset=utf-8');
    return reply.send({
      error: {
        code: answer.code,
        // API clients are developers: the error's own words. People get theirs in their language.
        message: isApi(request) && answer.status < 500 ? answer.message : words.message,
        ...(answer.fields ? { fields: answer.fields } : {}),
        ...(answer.details ?? {}),
      },
    });
  }
  if (isNewsroom(request)) return sendNewsroomError(deps, request, reply, answer, words);
  return sendReaderError(deps, request, reply, lang, answer.status, words);
}

async function sendNewsroomError(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  answer: ErrorAnswer,
  words: Words,
): Promise<FastifyReply> {
  return sendNewsroomPage(deps, request, reply, {
    title: words.heading,
    status: answer.status,
    notice: { kind: 'error', text: words.details ? `${words.message} ${words.details}` : words.message },
    body: null,
  });
}

async function sendReaderError(
  deps: ReaderDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Edition,
  status: number,
  words: Words,
): Promise<FastifyReply> {
  let ctx: ReaderContext;
  try {
    ctx =
      status === 503
        ? offlineReaderContext(deps, lang)
        : await readerContext(deps, lang, { anyLanguage: true });
  } catch (err) {
    // The database itself may be what failed: the page frame from what was last read.
    request.log.error({ err }, 'error page could not read the site settings');
    ctx = offlineReaderContext(deps, lang);
  }
  const html = renderErrorPage(
    ctx.site(),
    {
      title: words.heading,
      description: words.message,
      canonical: `${deps.services.config.publicUrl}${request.url}`,
      noindex: true,
    },
    { status, ...words },
  );
  return reply.type('text/html; charset=utf-8').send(html);
}

/** The reader's 404 page (unknown URLs with no recorded redirect). */
export function sendNotFound(
  deps: ReaderDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  return sendErrorAnswer(deps, request, reply, { status: 404, code: 'not_found', message: 'No such page.' });
}

export function registerErrorHandling(app: FastifyInstance, deps: ReaderDeps): void {
  app.setErrorHandler(async (error: unknown, request, reply) => {
    if (error instanceof EditionElsewhere && (request.method === 'GET' || request.method === 'HEAD')) {
      // Not permanent: the root's own edition may be switched on again.
      return reply
        .header('cache-control', 'no-store')
        .redirect(`${editionPrefix(error.target)}${request.url}`, 302);
    }
    const answer = answerFor(error);
    if (answer) {
      if (answer.code === 'malformed') {
        request.log.warn({ fields: answer.fields, url: request.url }, 'request refused: malformed fields');
      }
      return sendErrorAnswer(deps, request, reply, answer);
    }
    if (isOutage(error)) {
      request.log.warn({ reason: (error as Error).message }, 'database unavailable');
      return sendErrorAnswer(deps, request, reply, {
        status: 503,
        code: 'unavailable',
        message: 'unavailable',
      });
    }
    request.log.error({ err: error }, 'request failed');
    return sendErrorAnswer(deps, request, reply, { status: 500, code: 'internal', message: 'internal' });
  });
}
