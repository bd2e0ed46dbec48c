// The newsletter's own pages: the form (again, with reasons), "check your inbox", the outcome of
// a confirmation link, and the unsubscribe question and its answer.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { HeadView, SiteView } from '../view-models.ts';
import { Layout } from '../views/Layout.tsx';
import { SignupForm, type SignupFormState } from './SignupForm.tsx';

export interface NewsletterPageView {
  title: string;
  message?: string;
  /** The form, with the reader's values and reasons when refused. */
  form?: SignupFormState | true;
  /** The unsubscribe question's button, posting to this address. */
  unsubscribeAction?: { url: string; label: string };
  homeLink: { href: string; label: string };
}

function NewsletterPage({ site, page }: { site: SiteView; page: NewsletterPageView }) {
  return (
    <article class="newsletter-page">
      <h1>{page.title}</h1>
      {page.message ? <p class="dek">{page.message}</p> : null}
      {page.unsubscribeAction ? (
        <form method="post" action={page.unsubscribeAction.url}>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit">{page.unsubscribeAction.label}</button>
        </form>
      ) : null}
      {page.form ? <SignupForm site={site} {...(page.form === true ? {} : { state: page.form })} /> : null}
      <p>
        <a href={page.homeLink.href}>{page.homeLink.label}</a>
      </p>
    </article>
  );
}

export function renderNewsletterPage(site: SiteView, head: HeadView, page: NewsletterPageView): string {
  return `<!DOCTYPE html>${renderToString(
    h(Layout, {
      site,
      head: { ...head, noindex: true },
      pageClass: 'page-newsletter',
      children: h(NewsletterPage, { site, page }),
    }),
  )}`;
}
