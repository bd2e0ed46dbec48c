// Public URLs are built in core, where services (webhook payloads) reach them too; the
// reader's routes, views and presenters keep importing them from here.
export * from '../../core/urls.ts';
