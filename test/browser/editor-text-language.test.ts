// The editor's "language of the text" in Chromium: choosing Persian in a French-edition article
// turns the editing area, the title and the dek right to left with lang=fa at once (and typing
// keeps it so); the edition's own language is offered only as "same as the edition"; saving
// stores it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { changeContentLanguages } from '../../src/services/settings/content-languages.ts';
import { addStaff } from '../../src/services/staff.ts';
import { DESKTOP, launchBrowser, signInNewsroom, watchPageProblems } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const ADMIN = { email: 'zahra.admin@example.org', password: 'Tabriz-2026-old-bazaar', name: 'زهرا' };

let site: TestSite;
let browser: Browser;
const problems: string[] = [];

before(async () => {
  site = await startTestSite({ listen: true });
  const { person } = await addStaff(site.services, { ...ADMIN, role: 'admin' });
  await changeContentLanguages(
    site.services,
    { person, ipHash: '' },
    {
      languages: [
        { tag: 'ar', fallback: 'ar' },
        { tag: 'fr', fallback: 'fr' },
        { tag: 'en', fallback: 'en' },
        { tag: 'fa', fallback: 'fr' },
      ],
    },
  );
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const attrs = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => ({ lang: el.getAttribute('lang'), dir: el.getAttribute('dir') }));

describe('language of the text in the editor', () => {
  it('makes the editing area rtl with lang=fa when Persian is chosen, and saves it', async () => {
    const context = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
    watchPageProblems(context, problems);
    const page = await context.newPage();
    await signInNewsroom(page, site.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(`${site.baseUrl}/newsroom/articles`);
    await Promise.all([
      page.waitForURL(/\/newsroom\/articles\/\d+$/),
      page.locator('form[action="/newsroom/articles/new"] button').click(),
    ]);
    const id = Number(/articles\/(\d+)/.exec(page.url())?.[1]);
    const area = '.nr-rte-content';
    await page.locator(area).waitFor();

    await page.selectOption('#lang', 'fr');
    assert.deepEqual(await attrs(page, area), { lang: 'fr', dir: 'ltr' });
    // French is now the edition's own language: only "same as the edition" stands for it.
    assert.equal(
      await page.locator('#text_lang option[value="fr"]').evaluate((o) => (o as HTMLOptionElement).hidden),
      true,
    );
    assert.equal(
      await page.locator('#text_lang option[value="ar"]').evaluate((o) => (o as HTMLOptionElement).hidden),
      false,
    );

    await page.selectOption('#text_lang', 'fa');
    assert.deepEqual(await attrs(page, area), { lang: 'fa', dir: 'rtl' });
    assert.deepEqual(await attrs(page, '#title'), { lang: 'fa', dir: 'rtl' });
    assert.deepEqual(await attrs(page, '#dek'), { lang: 'fa', dir: 'rtl' });
    // Typing redraws the area: its language and direction stay.
    await page.locator(area).click();
    await page.keyboard.type('کتابخانه‌های تمبکتو');
    await page.locator('#title').fill('کتابخانه‌های تمبکتو');
    assert.deepEqual(await attrs(page, area), { lang: 'fa', dir: 'rtl' });

    await Promise.all([
      page.waitForURL(/done=save/),
      page.locator('.nr-editor-bar button[name="intent"][value="save"]').click(),
    ]);
    const row = await site.services.db.kysely
      .selectFrom('articles')
      .select(['lang', 'text_lang'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { lang: 'fr', text_lang: 'fa' });
    // After the reload the area starts in Persian; "same as the edition" brings it back to French.
    await page.locator(area).waitFor();
    assert.deepEqual(await attrs(page, area), { lang: 'fa', dir: 'rtl' });
    await page.selectOption('#text_lang', '');
    assert.deepEqual(await attrs(page, area), { lang: 'fr', dir: 'ltr' });
    assert.deepEqual(await attrs(page, '#title'), { lang: 'fr', dir: 'auto' });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
