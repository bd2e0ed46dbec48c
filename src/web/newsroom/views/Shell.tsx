// The newsroom page frame: a header with the sections of the newsroom, and the page's content.
// Mirrored by `dir` alone: the stylesheet uses logical properties only.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Lang, Person } from '../../../core/types.ts';
import type { NewsroomMessages } from '../messages.ts';

export interface ShellProps {
  lang: Lang;
  t: NewsroomMessages;
  title: string;
  siteName: string;
  css: string;
  /** The signed-in person; null on the sign-in pages. */
  person: Person | null;
  csrf: string;
  nav: { href: string; label: string; badge?: number; current?: boolean }[];
  notice?: { kind: 'success' | 'error'; text: string } | null;
  refreshSeconds?: number | null;
  children: ComponentChildren;
}

export function renderShell(props: ShellProps): string {
  return `<!DOCTYPE html>${renderToString(<Shell {...props} />)}`;
}

function Shell({
  lang,
  t,
  title,
  siteName,
  css,
  person,
  csrf,
  nav,
  notice,
  refreshSeconds,
  children,
}: ShellProps) {
  return (
    <html lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : null}
        <title>{`${title} – ${t.newsroom}`}</title>
        <link rel="stylesheet" href={css} />
      </head>
      <body class="newsroom">
        <header class="nr-header">
          <p class="nr-brand">
            <a href="/newsroom" dir="auto">
              {siteName}
            </a>{' '}
            <span class="nr-muted">{t.newsroom}</span>
          </p>
          {person ? (
            <nav aria-label={t.menu}>
              <ul class="nr-nav">
                {nav.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.label}
                      {item.badge ? <span class="nr-badge">{item.badge}</span> : null}
                    </a>
                  </li>
                ))}
                <li>
                  <a href="/">{t.viewSite}</a>
                </li>
                <li>
                  <form method="post" action="/newsroom/sign-out" class="nr-inline">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <button type="submit" class="nr-link-button">
                      {t.signOut}
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="nr-main">
          <h1>{title}</h1>
          {notice ? (
            <p class={`nr-notice nr-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
              {notice.text}
            </p>
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}
