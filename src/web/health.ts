// /healthz: the process is alive and its event loop turns (no database involved, so a database
// outage does not get the process restarted). /readyz: it can serve, which takes the database
// and a current schema. Once shutdown has begun, Fastify answers 503 to every request still
// arriving on open connections, these included. Neither is ever cached, nor logged per request:
// probes come every few seconds.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/context.ts';
import { checkReadiness } from '../services/health.ts';

const WORKER_SLOT = process.env.MIDAD_WORKER_SLOT;

function processFacts(): { pid: number; worker: number | null; rss_mb: number } {
  return {
    pid: process.pid,
    worker: WORKER_SLOT === undefined ? null : Number(WORKER_SLOT),
    rss_mb: Math.round(process.memoryUsage.rss() / 1048576),
  };
}

export function registerHealthRoutes(app: FastifyInstance, services: Services): void {
  app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok', uptime: Math.round(process.uptime()) }),
  );

  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const readiness = await checkReadiness(services);
    return reply.code(readiness.ready ? 200 : 503).send({
      status: readiness.ready ? 'ready' : 'unavailable',
      database: readiness.database,
      pending_migrations: readiness.pendingMigrations,
      // Which process answered, and its memory: with several workers each is checked on its own.
      process: processFacts(),
    });
  });
}
