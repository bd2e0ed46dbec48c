/// <reference lib="dom" />
// Browser tests drive Debian's Chromium through playwright-core. The DOM library above types
// the functions that run inside the page (page.evaluate); nothing in src/ relies on it.
import fs from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { articlePath, authorPath, homePath, sectionPath } from '../../src/web/reader/urls.ts';
import { searchPath } from '../../src/web/reader/search-urls.ts';
import type { TestSite } from './site.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve('test-output', 'screenshots');

// Reduced motion turns off the stylesheet's smooth scrolling, so a scroll is over when the call
// returns and screenshots never catch the page mid-way.
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  reducedMotion: 'reduce',
};
export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  reducedMotion: 'reduce',
};

/** `extraArgs` are added to the usual switches (e.g. host resolver rules). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Saves a screenshot as test-output/screenshots/<name>.png and returns its path: the full page,
 * or only what the window shows (`'viewport'`), or one element. Lazy images are loaded and every
 * image decoded first, so the picture shows what a reader who scrolled through would see.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  target: 'page' | 'viewport' | Locator = 'page',
): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(async () => {
    const images = Array.from(document.images);
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  if (typeof target === 'string') await page.screenshot({ path: file, fullPage: target === 'page' });
  else await target.screenshot({ path: file });
  return file;
}

/** How far the document is wider than the viewport, in CSS pixels (0 when there is no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** The elements that stick out past the viewport's edges, for a readable failure message. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || (box.right <= width + 1 && box.left >= -1)) continue;
      // Report the outermost offender only.
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && (parent.right > width + 1 || parent.left < -1)) continue;
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : '';
      out.push(`${el.tagName.toLowerCase()}${cls} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      if (out.length >= 10) break;
    }
    return out;
  });
}

export interface ReaderPage {
  /** A short name for files and messages, e.g. "article". */
  name: string;
  path: string;
  lang: 'ar' | 'fr' | 'en';
}

/**
 * The reader pages every conformance check covers: home, section, article, author, French home,
 * and a search that finds the main article.
 */
export async function readerPages(site: TestSite): Promise<ReaderPage[]> {
  const article = site.mainArticle;
  const section =
    article.sectionId === null ? null : await site.services.repos.sections.byId(article.sectionId);
  if (!section) throw new Error('the main demo article has no section');
  const authorId = article.authorIds[0];
  const author = authorId === undefined ? null : await site.services.repos.people.byId(authorId);
  if (!author) throw new Error('the main demo article has no author');
  return [
    { name: 'home', path: homePath('ar'), lang: 'ar' },
    { name: 'section', path: sectionPath('ar', section.slug), lang: 'ar' },
    { name: 'article', path: articlePath(article), lang: 'ar' },
    { name: 'author', path: authorPath('ar', author.slug), lang: 'ar' },
    { name: 'home-fr', path: homePath('fr'), lang: 'fr' },
    { name: 'search', path: searchPath('ar', { q: article.title.split(' ')[0] ?? '' }), lang: 'ar' },
  ];
}

/**
 * Signs in to the newsroom through its form. It waits for the page the form leads to: the
 * sign-in page's own address is under /newsroom/ too, and closing the page before the sign-in
 * has landed can leave the session unset (and Chromium unable to open the next tab).
 */
export async function signInNewsroom(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/newsroom/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname.replace(/\/$/, '') === '/newsroom'),
    page.locator('form button[type="submit"]').click(),
  ]);
}

/**
 * Collects Content Security Policy refusals and script errors from every page the context
 * opens from now on: a page that works must leave the list empty.
 */
export function watchPageProblems(context: BrowserContext, problems: string[]): void {
  context.on('page', (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text()))
        problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
  });
}

/**
 * Opens the article editor's settings (status, schedule, workflow buttons, section, tags…) when
 * the page shows them as a sheet (phone width); beside the text at desktop width it does nothing.
 */
export async function openEditorSettings(page: Page): Promise<void> {
  const toggle = page.locator('.nr-settings-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
}

/** Runs `fn` on a fresh page of a new context with `options`, and closes the context after. */
export async function inNewPage<T>(
  browser: Browser,
  options: BrowserContextOptions,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}
