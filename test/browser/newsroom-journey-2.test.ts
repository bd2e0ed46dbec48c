// A journalist's article from start to reader, at desktop width with the editor's sidebar: an
// Arabic text with a French paragraph, two tags chosen from suggestions by keyboard, a co-author,
// a featured image picked from thumbnails with its focal point set on the preview, a link added
// through the link dialog; scheduled a minute ahead, published by the scheduler's tick, and
// everything on the reader page (tags, both bylines, the picture, the link, the French
// paragraph's direction) with the home page's card cropped around the focal point.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { utcToZonedInput } from '../../src/core/dates.ts';
import { photoWithGps } from '../../src/media/test-images.ts';
import { publishDue } from '../../src/services/articles/scheduler.ts';
import { ingestUpload } from '../../src/services/media/upload-media.ts';
import { loadSiteSettings } from '../../src/services/settings.ts';
import { addStaff } from '../../src/services/staff.ts';
import { editorChromeMessages } from '../../src/web/newsroom/articles/editor-messages.ts';
import { articleMessages } from '../../src/web/newsroom/articles/messages.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { horizontalOverflow, launchBrowser, signInNewsroom, watchPageProblems } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const t = articleMessages('ar');
const c = editorChromeMessages('ar');
const EDITOR = {
  email: 'nadia.desk@example.org',
  password: 'Tamanrasset-2026-hoggar',
  name: 'نادية الساحلي',
};
const CO_AUTHOR = {
  email: 'omar.field@example.org',
  password: 'Djanet-2026-tassili-rock',
  name: 'عمر التارقي',
};
const TITLE = 'نقوش طاسيلي ناجر تكشف مناخ الصحراء القديم';
const ARABIC = 'يدرس الباحثون في جانت رسومًا صخرية عمرها آلاف السنين تصوّر أنهارًا وحيوانات لم تعد تعيش هنا.';
const FRENCH =
  'Les gravures du Tassili montrent des girafes et des rivières là où s’étend aujourd’hui le désert.';
const LINK = 'https://example.org/tassili/rapport';
const ALT = 'رسوم صخرية لزرافات على جدار في طاسيلي';

let site: TestSite;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

before(async () => {
  site = await startTestSite({ listen: true });
  await addStaff(site.services, { ...EDITOR, role: 'editor' });
  await addStaff(site.services, { ...CO_AUTHOR, role: 'author' });
  await site.services.repos.tags.create({ slug: 'rock-art', name: 'فن صخري' });
  await site.services.repos.tags.create({ slug: 'climate-history', name: 'تاريخ المناخ' });
  await site.services.repos.tags.create({ slug: 'climate-now', name: 'تغير المناخ' });
  await ingestUpload(site.services, {
    buffer: await photoWithGps(1600, 900),
    text: { alt: ALT, caption: 'جدار الرسوم قرب جانت', credit: 'تصوير: عمر' },
  });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
  watchPageProblems(context, problems);
  await context.addInitScript(() => {
    window.prompt = () => {
      throw new Error('prompt() was called');
    };
  });
  const page = await context.newPage();
  await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
  await page.close();
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

async function pickSuggestion(page: Page, field: string, typed: string, expected: string): Promise<void> {
  const box = page.locator(field);
  await box.fill(typed);
  const listbox = page.locator(`#${await box.getAttribute('aria-controls')}`);
  await listbox.locator('[role="option"]', { hasText: expected }).first().waitFor();
  const options = await listbox.locator('[role="option"]').allTextContents();
  for (let i = 0; i <= options.indexOf(expected); i++) await box.press('ArrowDown');
  await box.press('Enter');
}

describe('newsroom journey with the sidebar', () => {
  it('writes, tags, credits, illustrates, links and schedules an article, and readers get all of it', async () => {
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}/newsroom/articles`);
    await Promise.all([
      page.waitForURL(/\/newsroom\/articles\/\d+$/),
      page.locator('form[action="/newsroom/articles/new"] button').click(),
    ]);
    const id = Number(/articles\/(\d+)/.exec(page.url())?.[1]);
    await page.locator('#title').fill(TITLE);
    await page.locator('#dek').fill('رسوم ما قبل التاريخ شاهدة على صحراء خضراء.');
    await page.locator('.nr-rte-content').click();
    await page.keyboard.type(ARABIC);
    await page.keyboard.press('Enter');
    await page.keyboard.type(FRENCH);
    await page.keyboard.press('Enter');
    await page.keyboard.type('التقرير الكامل: ');

    // A link through the dialog, with its own words, opening in a new tab.
    await page.locator(`.nr-rte-toolbar button[aria-label="${t.editor_link}"]`).click();
    const linkDialog = page.locator('dialog.nr-link-dialog');
    await linkDialog.getByLabel(c.editor_linkUrl).fill(LINK);
    await linkDialog.getByLabel(c.editor_linkText).fill('تقرير بعثة طاسيلي');
    await linkDialog.getByLabel(c.editor_linkNewTab).check();
    await linkDialog.getByLabel(c.editor_linkUrl).press('Enter');
    await linkDialog.waitFor({ state: 'detached' });

    // Two tags from the suggestions, by keyboard; a co-author.
    await pickSuggestion(page, '#tags', 'صخ', 'فن صخري');
    await pickSuggestion(page, '#tags', 'المناخ', 'تاريخ المناخ');
    assert.deepEqual(await page.locator('[data-combobox="tags"] .nr-chip bdi').allTextContents(), [
      'فن صخري',
      'تاريخ المناخ',
    ]);
    await pickSuggestion(page, '#author-search', 'عمر', CO_AUTHOR.name);

    // The featured image from thumbnails, then its focal point by a click on the preview.
    await page.getByRole('button', { name: c.editor_chooseFeatured }).click();
    const picker = page.locator('dialog.nr-picker');
    await picker.locator('.nr-picker-item img').first().waitFor();
    await picker.locator('.nr-picker-item', { hasText: 'زرافات' }).click();
    await picker.waitFor({ state: 'detached' });
    const preview = page.locator('.nr-featured-preview img');
    const box = (await preview.boundingBox())!;
    const focalSaved = page.waitForResponse((r) => r.url().endsWith('/focal') && r.status() === 200);
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.3);
    await focalSaved;
    await page.locator('.nr-featured [role="status"]', { hasText: c.editor_focalSaved }).waitFor();
    assert.equal(await horizontalOverflow(page), 0);
    await page.screenshot({ path: '/tmp/journey2-editor-1366.png' });

    // Scheduled for the next whole minute (the form's precision), in the site's time zone.
    const { timezone } = await loadSiteSettings(site.services.repos);
    const due = new Date(Math.ceil((Date.now() + 8000) / 60_000) * 60_000);
    await page.locator('#publish_at').fill(utcToZonedInput(due.toISOString(), timezone));
    await Promise.all([
      page.waitForURL(/done=schedule/),
      page.locator('button[name="intent"][value="schedule"]').click(),
    ]);
    const scheduled = (await site.services.repos.articles.byId(id))!;
    assert.equal(scheduled.status, 'scheduled');
    assert.equal((await page.goto(site.baseUrl + articlePath(scheduled)))?.status(), 404, 'not yet public');

    // The scheduler's tick once that minute has come publishes it (and not before).
    assert.deepEqual(await publishDue(site.services, new Date(due.getTime() - 1000)), []);
    await new Promise((r) => setTimeout(r, Math.max(0, due.getTime() + 500 - Date.now())));
    assert.deepEqual(await publishDue(site.services), [id]);
    const published = (await site.services.repos.articles.byId(id))!;
    assert.equal(published.status, 'published');
    const media = (await site.services.repos.media.byId(published.featuredMediaId!))!;
    assert.ok(media.focal && Math.abs(media.focal.x - 0.8) < 0.02 && Math.abs(media.focal.y - 0.3) < 0.02);

    // The reader page has it all.
    const reader = await context.newPage();
    assert.equal((await reader.goto(site.baseUrl + articlePath(published)))?.status(), 200);
    assert.equal(await reader.locator('h1').textContent(), TITLE);
    const french = reader.locator('p', { hasText: 'Les gravures du Tassili' });
    assert.equal(await french.evaluate((p) => getComputedStyle(p).direction), 'ltr');
    const arabic = reader.locator('p', { hasText: 'يدرس الباحثون' });
    assert.equal(await arabic.evaluate((p) => getComputedStyle(p).direction), 'rtl');
    const link = reader.locator(`a[href="${LINK}"]`);
    assert.equal(await link.textContent(), 'تقرير بعثة طاسيلي');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match((await link.getAttribute('rel')) ?? '', /noopener/);
    const page_ = await reader.content();
    for (const tag of ['فن صخري', 'تاريخ المناخ']) assert.ok(page_.includes(tag), `tag ${tag} shown`);
    for (const name of [EDITOR.name, CO_AUTHOR.name]) assert.ok(page_.includes(name), `byline ${name}`);
    assert.equal((await reader.locator(`img[alt="${ALT}"]`).count()) >= 1, true, 'the featured image');
    await reader.screenshot({ path: '/tmp/journey2-reader-1366.png' });

    // The home page's card crops the picture around its focal point.
    await reader.goto(`${site.baseUrl}/`);
    const card = reader.locator('.card', { hasText: TITLE }).locator('.card-img img');
    assert.equal(await card.getAttribute('class'), 'fx-8 fy-3');
    assert.equal(await card.evaluate((img) => getComputedStyle(img).objectPosition), '80% 30%');
    await reader.close();
    await page.close();
    assert.deepEqual(problems, [], 'no CSP refusals, script errors or prompt() calls');
  });
});
