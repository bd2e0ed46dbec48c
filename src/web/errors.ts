// One place that turns errors into responses: an HTML page for browsers, JSON for API
// clients. An unreachable database is a 503 with Retry-After (the page cache still serves what
// it holds, and the pool reconnects by itself); other unknown errors are logged with their
// stack and shown as a 500 page. Readers never see a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MidadError } from '../core/errors.ts';
import { messages } from '../core/i18n.ts';
import type { Lang } from '../core/types.ts';
import { isOutage } from '../services/health.ts';
import {
  offlineReaderContext,
  type ReaderContext,
  readerContext,
  type ReaderDeps,
} from './reader/context.ts';
import { langOfPath } from './reader/urls.ts';
import { renderErrorPage } from './reader/views/render.ts';

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return (
    request.url.startsWith('/api/') || (accept.includes('application/json') && !accept.includes('text/html'))
  );
}

/** Seconds a client (or a crawler) is asked to wait before trying again during an outage. */
export const RETRY_AFTER_SECONDS = 30;

const TEXT = {
  404: { heading: 'notFoundTitle', message: 'notFoundText', code: 'not_found' },
  500: { heading: 'serverErrorTitle', message: 'serverErrorText', code: 'internal' },
  503: { heading: 'unavailableTitle', message: 'unavailableText', code: 'unavailable' },
} as const;

export async function sendErrorPage(
  deps: ReaderDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: 404 | 500 | 503,
): Promise<FastifyReply> {
  const lang: Lang = langOfPath(request.url);
  const t = messages(lang);
  const heading = t[TEXT[status].heading];
  const message = t[TEXT[status].message];
  reply.code(status).header('cache-control', 'no-store');
  if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  if (wantsJson(request)) return reply.send({ error: { code: TEXT[status].code, message } });
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
      title: heading,
      description: message,
      canonical: `${deps.services.config.publicUrl}${request.url}`,
      noindex: true,
    },
    { status, heading, message },
  );
  return reply.type('text/html; charset=utf-8').send(html);
}

export function registerErrorHandling(app: FastifyInstance, deps: ReaderDeps): void {
  app.setErrorHandler(async (error: FastifyError | MidadError, request, reply) => {
    if (error instanceof MidadError && error.status === 404) return sendErrorPage(deps, request, reply, 404);
    if (error instanceof MidadError && error.status < 500) {
      reply.code(error.status);
      if (wantsJson(request)) return reply.send({ error: { code: error.code, message: error.message } });
      return reply.type('text/plain; charset=utf-8').send(error.message);
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Malformed requests (bad JSON, oversized bodies): say so plainly, no stack.
      reply.code(status);
      if (wantsJson(request)) return reply.send({ error: { code: 'bad_request', message: error.message } });
      return reply.type('text/plain; charset=utf-8').send(error.message);
    }
    if (isOutage(error)) {
      request.log.warn({ reason: error.message }, 'database unavailable');
      return sendErrorPage(deps, request, reply, 503);
    }
    request.log.error({ err: error }, 'request failed');
    return sendErrorPage(deps, request, reply, 500);
  });
}
