// Builds every repository over one Kysely instance. Services pass a transaction here to make
// several repositories' writes one unit: db.kysely.transaction().execute((trx) => fn(createRepositories(trx))).
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { createApiTokensRepository } from './api-tokens.ts';
import { createArticlesRepository } from './articles.ts';
import { createAuditRepository } from './audit.ts';
import { createImportRunsRepository } from './import-runs.ts';
import { createImportsRepository } from './imports.ts';
import { createInvitationsRepository } from './invitations.ts';
import { createAutosavesRepository } from './autosaves.ts';
import { createPreviewTokensRepository, createRevisionsRepository } from './revisions.ts';
import { createSessionsRepository } from './sessions.ts';
import { createTwoFactorRepository } from './two-factor.ts';
import { createCommentsRepository } from './comments.ts';
import { createCorrectionsRepository } from './corrections.ts';
import { createLanguagesRepository } from './languages.ts';
import { createLiveRepository } from './live.ts';
import type { Repositories } from './contract.ts';
import { createMediaRepository } from './media.ts';
import { createNewsletterRepository } from './newsletters.ts';
import { createOutboxRepository } from './outbox.ts';
import { createPeopleRepository } from './people.ts';
import { createReadershipRepository } from './readership.ts';
import { createReadershipFiguresRepository } from './readership-figures.ts';
import { createRedirectsRepository } from './redirects.ts';
import { createSectionsRepository } from './sections.ts';
import { createSettingsRepository } from './settings.ts';
import { createTagsRepository } from './tags.ts';
import { createTranslationsRepository } from './translations.ts';
import { createWebhookDeliveriesRepository, createWebhooksRepository } from './webhooks.ts';

export type * from './auth-contract.ts';
export type * from './contract.ts';
export type * from './editorial-contract.ts';
export type * from './newsletters-contract.ts';
export type * from './outbox-contract.ts';
export type * from './readership-contract.ts';
export type * from './webhooks-contract.ts';

export function createRepositories(db: Kysely<Database>): Repositories {
  return {
    sessions: createSessionsRepository(db),
    twoFactor: createTwoFactorRepository(db),
    invitations: createInvitationsRepository(db),
    importRuns: createImportRunsRepository(db),
    imports: createImportsRepository(db),
    revisions: createRevisionsRepository(db),
    previews: createPreviewTokensRepository(db),
    autosaves: createAutosavesRepository(db),
    audit: createAuditRepository(db),
    people: createPeopleRepository(db),
    sections: createSectionsRepository(db),
    tags: createTagsRepository(db),
    articles: createArticlesRepository(db),
    comments: createCommentsRepository(db),
    media: createMediaRepository(db),
    redirects: createRedirectsRepository(db),
    settings: createSettingsRepository(db),
    webhooks: createWebhooksRepository(db),
    webhookDeliveries: createWebhookDeliveriesRepository(db),
    outbox: createOutboxRepository(db),
    newsletters: createNewsletterRepository(db),
    apiTokens: createApiTokensRepository(db),
    readership: createReadershipRepository(db),
    readershipFigures: createReadershipFiguresRepository(db),
    corrections: createCorrectionsRepository(db),
    translations: createTranslationsRepository(db),
    languages: createLanguagesRepository(db),
    live: createLiveRepository(db),
  };
}
