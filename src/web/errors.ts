// One place that turns errors into responses: an HTML page for browsers, JSON for API
// clients. Unknown errors are logged with their stack and shown as a plain 500 page.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MidadError } from '../core/errors.ts';
import { messages } from '../core/i18n.ts';
import type { Lang } from '../core/types.ts';
import { readerContext, type ReaderDeps } from './reader/context.ts';
import { langOfPath } from './reader/urls.ts';
import { renderErrorPage } from './reader/views/render.ts';

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return (
    request.url.startsWith('/api/') || (accept.includes('application/json') && !accept.includes('text/html'))
  );
}

export async function sendErrorPage(
  deps: ReaderDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  status: 404 | 500,
): Promise<FastifyReply> {
  const lang: Lang = langOfPath(request.url);
  const t = messages(lang);
  const heading = status === 404 ? t.notFoundTitle : t.serverErrorTitle;
  const message = status === 404 ? t.notFoundText : t.serverErrorText;
  reply.code(status).header('cache-control', 'no-store');
  if (wantsJson(request))
    return reply.send({ error: { code: status === 404 ? 'not_found' : 'internal', message } });
  let html: string;
  try {
    const ctx = await readerContext(deps, lang, { anyLanguage: true });
    html = renderErrorPage(
      ctx.site(),
      {
        title: heading,
        description: message,
        canonical: `${deps.services.config.publicUrl}${request.url}`,
        noindex: true,
      },
      { status, heading, message },
    );
  } catch (err) {
    // The database itself may be what failed: answer with a page that needs nothing from it.
    request.log.error({ err }, 'error page could not be rendered');
    html = `<!DOCTYPE html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${heading}</title></head><body><h1>${heading}</h1><p>${message}</p></body></html>`;
  }
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
    request.log.error({ err: error }, 'request failed');
    return sendErrorPage(deps, request, reply, 500);
  });
}
