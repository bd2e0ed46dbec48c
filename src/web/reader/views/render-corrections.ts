// The public corrections page as a whole HTML document.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { HeadView, SiteView } from '../view-models.ts';
import { CorrectionsPage, type CorrectionsPageView } from './CorrectionsPage.tsx';
import { Layout } from './Layout.tsx';

export function renderCorrectionsPage(site: SiteView, head: HeadView, page: CorrectionsPageView): string {
  const body = h(CorrectionsPage, { site, page });
  return `<!DOCTYPE html>${renderToString(h(Layout, { site, head, pageClass: 'page-corrections', children: body }))}`;
}
