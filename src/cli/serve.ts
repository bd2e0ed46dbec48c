import type { Command } from 'commander';
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../config.ts';
import { parsePort } from '../config.ts';
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
import { printSetup } from './init.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the site (creates the database and demo content on first run)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('-H, --host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('--no-demo', 'on first run, start with an empty site instead of demo content')
    .action(async (options: { port?: string; host?: string; demo: boolean }) => {
      const config = loadConfig(process.env, {
        ...(options.port !== undefined ? { port: parsePort(options.port) } : {}),
        ...(options.host !== undefined ? { host: options.host } : {}),
      });
      const services = await openServices(config);
      const result = await initializeSite(services, { demo: options.demo });
      printSetup(result, services.db.location);
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
      const app = await buildApp({ services, ...sharedOptions });
      app.addHook('onClose', closeShared);
      appLog = app.log;
      services.events.onError = (err, event) =>
        app.log.error({ err, event: event.type }, 'a change listener failed');
      const address = await listen(app, config.host, config.port).catch(async (err) => {
        await app.close();
        await services.close();
        throw err;
      });
      // Scheduled articles go live on time even when nobody visits the site.
      const scheduler = startScheduler(services, {
        onPublished: (ids) => app.log.info({ ids }, 'published scheduled articles'),
        onError: (err) => app.log.error({ err }, 'scheduled publishing failed'),
      });
      // Webhook deliveries queued by saves are sent from here, retried, and their log pruned.
      const dispatcher = startWebhookDispatcher(services, {
        onAttempts: (reports) => {
          for (const r of reports) {
            const entry = { delivery: r.deliveryId, webhook: r.webhookId, status: r.status };
            if (r.ok) app.log.info(entry, 'webhook delivered');
            else app.log.warn({ ...entry, outcome: r.outcome }, 'webhook delivery failed');
          }
        },
        onError: (err) => app.log.error({ err }, 'webhook dispatching failed'),
      });
      // Mail and Telegram posts queued with the changes that call for them go out from here.
      const outbox = startOutboxDispatcher(services, {
        onAttempts: (attempts) => {
          for (const a of attempts) {
            const entry = { message: a.id, channel: a.channel, status: a.status };
            if (a.ok) app.log.info(entry, 'outbox message sent');
            else app.log.warn({ ...entry, error: a.error }, 'outbox message failed');
          }
        },
        onError: (err) => app.log.error({ err }, 'outbox dispatching failed'),
      });
      // Newsletter digests: every process checks; the edition row and the mails' keys make one win.
      const digests = config.mail
        ? [
            startDigestScheduler(services, {
              onQueued: (n) => app.log.info({ mails: n }, 'newsletter digests queued'),
              onError: (err) => app.log.error({ err }, 'newsletter digests failed'),
            }),
          ]
        : [];
      process.stdout.write(
        `Midad is serving ${config.publicUrl} (listening on ${address}, data in ${config.dataDir})\n`,
      );
      shutDownOnSignals({
        app,
        background: [scheduler, dispatcher, outbox, ...digests],
        services,
        graceMs: config.shutdownGrace * 1000,
      });
    });
}
