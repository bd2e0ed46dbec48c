// The media library in Chromium at phone width: an upload with the file picker and JavaScript
// off, then a drag-and-drop with the same-origin script on (the strict CSP allows nothing else),
// and no sideways scrolling on the grid or an item's page, in Arabic and in French.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { photoWithGps } from '../../src/media/test-images.ts';
import {
  horizontalOverflow,
  launchBrowser,
  overflowingElements,
  PHONE,
  saveScreenshot,
  signInNewsroom,
} from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

let site: TestSite;
let browser: Browser;
let photoFile: string;

before(async () => {
  site = await startTestSite({ listen: true });
  browser = await launchBrowser();
  photoFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'midad-photo-')), 'souk.jpg');
  fs.writeFileSync(photoFile, await photoWithGps(1400, 900));
});
after(async () => {
  await browser?.close();
  await site?.close();
  fs.rmSync(path.dirname(photoFile), { recursive: true, force: true });
});

const signIn = (page: Page) => signInNewsroom(page, site.baseUrl, site.admin.email, site.admin.password);

async function mediaCount(): Promise<number> {
  return (await site.services.repos.media.list({ limit: 1 })).total;
}

describe('media library in the browser', () => {
  it('uploads with the file picker without JavaScript, then asks for alt text', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${site.baseUrl}/newsroom/media`);
    const count = await mediaCount();
    await page.setInputFiles('#media-file', photoFile);
    await page.fill('#media-alt', 'سوق باماكو الكبير');
    await Promise.all([
      page.waitForURL(/\/newsroom\/media\/\d+\?uploaded=1$/),
      page.click('form.nr-dropzone button[type=submit]'),
    ]);
    assert.equal(await mediaCount(), count + 1);
    assert.equal(await page.inputValue('#media-alt'), 'سوق باماكو الكبير');
    assert.equal(await page.getAttribute('#media-alt', 'dir'), 'auto');
    assert.equal(await horizontalOverflow(page), 0, (await overflowingElements(page)).join('\n'));
    await saveScreenshot(page, 'media-item-phone-ar');
    await context.close();
  });

  it('uploads a dropped file with the script and shows it in the grid', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await signIn(page);
    await page.goto(`${site.baseUrl}/newsroom/media`);
    assert.match((await page.textContent('.nr-drop-hint')) ?? '', /اسحب الملفات/);
    const count = await mediaCount();
    const bytes = fs.readFileSync(photoFile).toString('base64');
    const transfer = await page.evaluateHandle((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], 'dropped.jpg', { type: 'image/jpeg' }));
      return dt;
    }, bytes);
    await page.dispatchEvent('form.nr-dropzone', 'dragenter', { dataTransfer: transfer });
    assert.ok(await page.locator('form.nr-dropzone.nr-dragging').count());
    await Promise.all([
      page.waitForURL(/\/newsroom\/media\?uploaded=1$/, { timeout: 30_000 }),
      page.dispatchEvent('form.nr-dropzone', 'drop', { dataTransfer: transfer }),
    ]);
    assert.equal(await mediaCount(), count + 1);
    assert.deepEqual(errors, []);
    assert.equal(await horizontalOverflow(page), 0, (await overflowingElements(page)).join('\n'));
    await saveScreenshot(page, 'media-library-phone-ar', 'viewport');
    await context.close();
  });

  it('fits the phone in French too', async () => {
    const admin = await site.services.repos.people.byEmail(site.admin.email);
    await site.services.repos.people.update(admin!.id, { locale: 'fr' });
    try {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      await signIn(page);
      await page.goto(`${site.baseUrl}/newsroom/media`);
      assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
      assert.match((await page.textContent('h1')) ?? '', /Médiathèque/);
      assert.equal(await horizontalOverflow(page), 0, (await overflowingElements(page)).join('\n'));
      await context.close();
    } finally {
      await site.services.repos.people.update(admin!.id, { locale: 'ar' });
    }
  });
});
