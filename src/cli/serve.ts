import cluster from 'node:cluster';
import type { Command } from 'commander';
import type { FastifyBaseLogger } from 'fastify';
import { type Config, loadConfig, parsePort } from '../config.ts';
import { openServices } from '../services/context.ts';
import { initializeSite } from '../services/setup.ts';
import { startScheduler } from '../services/articles/scheduler.ts';
import { startWebhookDispatcher } from '../services/webhooks/dispatcher.ts';
import { startOutboxDispatcher } from '../services/outbox/dispatcher.ts';
import { startDigestScheduler } from '../services/newsletters/sending.ts';
import { buildApp } from '../web/app.ts';
import { listen, shutDownOnSignals } from '../web/server.ts';
import { loadSiteSettings } from '../services/settings.ts';
import { sharedState, siteKey } from '../web/shared-state.ts';
import { ipcCacheBus } from '../web/cluster/ipc-bus.ts';
import {
  isMidadMessage,
  type PrimaryMessage,
  SLOT_VARIABLE,
  type WorkerMessage,
} from '../web/cluster/messages.ts';
import { runPrimary } from '../web/cluster/primary.ts';
import { parseWorkerCount } from '../web/cluster/worker-count.ts';
import { printSetup } from './init.ts';
import { installReaderCatalogues } from '../services/locales/reader-catalogues.ts';

interface ServeOptions {
  port?: string;
  host?: string;
  demo: boolean;
  workers?: string;
}

/** Where this process stands: alone (one worker), or one worker of a primary's cluster. */
type Role = { kind: 'single' } | { kind: 'worker'; slot: number };

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the site (creates the database and demo content on first run)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('-H, --host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('-w, --workers <n>', 'serving processes (default: MIDAD_WORKERS or one per core)')
    .option('--no-demo', 'on first run, start with an empty site instead of demo content')
    .action(async (options: ServeOptions) => {
      // Interface text of further languages: a bad catalogue stops the start, not a page.
      installReaderCatalogues();
      const config = loadConfig(process.env, {
        ...(options.port !== undefined ? { port: parsePort(options.port) } : {}),
        ...(options.host !== undefined ? { host: options.host } : {}),
      });
      // A worker is started by the primary with the same arguments, already checked there.
      if (cluster.isWorker) {
        await serveProcess(config, options, {
          kind: 'worker',
          slot: Number(process.env[SLOT_VARIABLE] ?? 0),
        });
        return;
      }
      const workers = parseWorkerCount(options.workers, process.env.MIDAD_WORKERS);
      if (workers.warning) process.stderr.write(`midad: ${workers.warning}\n`);
      if (workers.count === 1) await serveProcess(config, options, { kind: 'single' });
      else await servePrimary(config, options, workers.count);
    });
}

/**
 * The primary sets the site up (migrations, first-run content, the setup link) once, before
 * any worker starts, so that workers never race each other through it; then it only watches.
 */
async function servePrimary(config: Config, options: ServeOptions, count: number): Promise<void> {
  const services = await openServices(config);
  try {
    const result = await initializeSite(services, { demo: options.demo });
    printSetup(result, services.db.location);
  } finally {
    await services.close();
  }
  runPrimary({
    count,
    graceMs: config.shutdownGrace * 1000,
    log: {
      info: (message) => process.stdout.write(`midad: ${message}\n`),
      warn: (message) => process.stderr.write(`midad: ${message}\n`),
    },
    onServing: (address) =>
      process.stdout.write(
        `Midad is serving ${config.publicUrl} (listening on ${address}, ${count} workers, data in ${config.dataDir})\n`,
      ),
  });
}

async function serveProcess(config: Config, options: ServeOptions, role: Role): Promise<void> {
  const services = await openServices(config);
  if (role.kind === 'single') {
    const result = await initializeSite(services, { demo: options.demo });
    printSetup(result, services.db.location);
  }
  // Redis (REDIS_URL) carries what several processes must share; checked before listening.
  let appLog: FastifyBaseLogger | null = null;
  const log = {
    warn: (message: string, err?: unknown) =>
      appLog ? appLog.warn({ err }, message) : process.stderr.write(`midad: ${message}\n`),
    info: (message: string) => (appLog ? appLog.info(message) : process.stdout.write(`${message}\n`)),
  };
  const { secret } = await loadSiteSettings(services.repos);
  const shared = await sharedState(config, log, siteKey(secret)).catch(async (err) => {
    await services.close();
    throw err;
  });
  const { close: closeShared, ...sharedOptions } = shared;
  // Without Redis, the workers of one cluster still evict each other's pages, through the primary.
  const cacheBus = sharedOptions.cacheBus ?? (role.kind === 'worker' ? ipcCacheBus() : undefined);
  const app = await buildApp({ services, ...sharedOptions, ...(cacheBus ? { cacheBus } : {}) });
  app.addHook('onClose', closeShared);
  if (cacheBus && !sharedOptions.cacheBus) app.addHook('onClose', () => cacheBus.close());
  appLog = app.log;
  services.events.onError = (err, event) =>
    app.log.error({ err, event: event.type }, 'a change listener failed');
  const address = await listen(app, config.host, config.port).catch(async (err) => {
    await app.close();
    await services.close();
    throw err;
  });
  // The timed work runs in one process only: alone, or the cluster's worker in slot 0 (its
  // replacement takes it over). The others would only compete for the same rows.
  const background =
    role.kind === 'single' || role.slot === 0 ? startBackground(services, app.log, config) : [];
  const shutdown = shutDownOnSignals({
    app,
    background,
    services,
    graceMs: config.shutdownGrace * 1000,
  });
  if (role.kind === 'single') {
    process.stdout.write(
      `Midad is serving ${config.publicUrl} (listening on ${address}, data in ${config.dataDir})\n`,
    );
    return;
  }
  process.on('message', (message: unknown) => {
    if (isMidadMessage<PrimaryMessage>(message) && message.midad === 'shutdown')
      shutdown('asked by the primary');
  });
  // The primary is gone (killed): nobody would replace or stop this worker.
  process.on('disconnect', () => shutdown('the primary process is gone'));
  process.send?.({ midad: 'listening', address } satisfies WorkerMessage);
}

function startBackground(
  services: Awaited<ReturnType<typeof openServices>>,
  log: FastifyBaseLogger,
  config: Config,
): { stop(): Promise<void> }[] {
  // Scheduled articles go live on time even when nobody visits the site.
  const scheduler = startScheduler(services, {
    onPublished: (ids) => log.info({ ids }, 'published scheduled articles'),
    onError: (err) => log.error({ err }, 'scheduled publishing failed'),
  });
  // Webhook deliveries queued by saves are sent from here, retried, and their log pruned.
  const dispatcher = startWebhookDispatcher(services, {
    onAttempts: (reports) => {
      for (const r of reports) {
        const entry = { delivery: r.deliveryId, webhook: r.webhookId, status: r.status };
        if (r.ok) log.info(entry, 'webhook delivered');
        else log.warn({ ...entry, outcome: r.outcome }, 'webhook delivery failed');
      }
    },
    onError: (err) => log.error({ err }, 'webhook dispatching failed'),
  });
  // Mail and Telegram posts queued with the changes that call for them go out from here.
  const outbox = startOutboxDispatcher(services, {
    onAttempts: (attempts) => {
      for (const a of attempts) {
        const entry = { message: a.id, channel: a.channel, status: a.status };
        if (a.ok) log.info(entry, 'outbox message sent');
        else log.warn({ ...entry, error: a.error }, 'outbox message failed');
      }
    },
    onError: (err) => log.error({ err }, 'outbox dispatching failed'),
  });
  // Newsletter digests: separate `midad serve` processes each check; the edition row and the
  // mails' keys make one win.
  const digests = config.mail
    ? [
        startDigestScheduler(services, {
          onQueued: (n) => log.info({ mails: n }, 'newsletter digests queued'),
          onError: (err) => log.error({ err }, 'newsletter digests failed'),
        }),
      ]
    : [];
  return [scheduler, dispatcher, outbox, ...digests];
}
