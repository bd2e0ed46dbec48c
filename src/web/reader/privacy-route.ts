// The privacy page of each site language: what is counted and what is not (privacy-text.ts).
import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../core/types.ts';
import { servedLanguages } from '../../services/settings.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { frameTags } from '../cache/tags.ts';
import { type ReaderDeps, readerContext } from './context.ts';
import { type EditionMount, forEdition } from './edition-route.ts';
import { privacyText } from './privacy-text.ts';
import { homePath } from './urls.ts';
import { renderPrivacyPage } from './views/render.ts';

export function privacyPath(lang: Edition): string {
  return `${homePath(lang)}privacy`;
}

export function registerPrivacyRoute(app: FastifyInstance, deps: ReaderDeps, mount: EditionMount): void {
  app.get(
    `${mount.prefix}/privacy`,
    forEdition(deps, mount, async (_request, reply, lang) => {
      const ctx = await readerContext(deps, lang);
      // Whether counting is on is a setting: a settings change refreshes every cached page.
      dependsOn(reply, frameTags(ctx.settings));
      const text = privacyText(ctx.present.ui);
      const site = ctx.site(
        Object.fromEntries(servedLanguages(ctx.settings).map((l) => [l, privacyPath(l)])),
      );
      return reply.type('text/html; charset=utf-8').send(
        renderPrivacyPage(
          site,
          {
            title: `${text.title} – ${ctx.settings.name}`,
            description: text.intro,
            canonical: `${ctx.present.baseUrl}${privacyPath(lang)}`,
          },
          text,
        ),
      );
    }),
  );
}
