// The comment form in Chromium with JavaScript off: a first comment is held for moderation and
// shown once approved; a reply by the same reader is published at once, nested under its
// parent; a refused comment explains why in Arabic and keeps what the reader typed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { messages } from '../../src/core/i18n.ts';
import type { Comment } from '../../src/core/types.ts';
import { MIN_FILL_MS } from '../../src/services/comment-guard.ts';
import { memoryRateLimiter } from '../../src/services/rate-limit.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { launchBrowser, PHONE, saveScreenshot } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const t = messages('ar');
/** The server refuses a form sent back sooner than MIN_FILL_MS after it was rendered. */
const FILL_TIME_MS = MIN_FILL_MS + 500;

let site: TestSite;
let browser: Browser;
let context: BrowserContext;
let url: string;

before(async () => {
  // A generous limiter: these tests are about the form, not about the rate limit.
  site = await startTestSite({ listen: true, commentLimiter: memoryRateLimiter(100, 60_000) });
  browser = await launchBrowser();
  context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  url = site.baseUrl + articlePath(site.mainArticle);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

async function fillAndSend(page: Page, fields: { name: string; email: string; body: string }): Promise<void> {
  const form = page.locator('form#respond');
  await form.locator('#c-name').fill(fields.name);
  await form.locator('#c-email').fill(fields.email);
  await form.locator('#c-body').fill(fields.body);
  // The one deliberate wait: a human takes a few seconds to write a comment.
  await page.waitForTimeout(FILL_TIME_MS);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').click()]);
}

async function commentsBy(email: string): Promise<Comment[]> {
  const all = await site.services.repos.comments.listForArticle(site.mainArticle.id);
  return all.filter((c) => c.authorEmail.toLowerCase() === email.toLowerCase());
}

async function noticeText(page: Page): Promise<string> {
  return ((await page.locator('form#respond .notice').textContent()) ?? '').trim();
}

describe('commenting without JavaScript', () => {
  it('holds a first comment, shows it once approved, and publishes the same reader’s reply nested under it', async () => {
    const page = await context.newPage();
    const email = 'salma.reader@example.org';
    const body = 'شكرًا على هذا التحقيق المفصّل عن المخطوطات، أتمنى أن تعود قريبًا إلى تمبكتو.';
    assert.equal((await page.goto(url))?.status(), 200);
    await fillAndSend(page, { name: 'سلمى', email, body });

    assert.match(page.url(), /[?&]comment=held/, 'redirected back to the article');
    const held = await noticeText(page);
    assert.ok(held.includes('بانتظار المراجعة'), `the page says the comment awaits moderation: "${held}"`);
    assert.equal(await page.locator('form#respond .notice').getAttribute('role'), 'status');
    await saveScreenshot(page, 'comment-held-phone', page.locator('form#respond'));
    const [pending] = await commentsBy(email);
    assert.ok(pending, 'the comment was stored');
    assert.equal(pending.status, 'pending');
    assert.equal(await page.locator(`#comment-${pending.id}`).count(), 0, 'a held comment is not shown');

    await site.services.repos.comments.setStatus(pending.id, 'approved');
    // Approved behind the moderation page's back: tell the page cache as moderation would.
    await site.services.events.emit({
      type: 'comment',
      change: 'shown',
      articleId: site.mainArticle.id,
      commentId: pending.id,
    });
    await page.goto(url);
    const shown = page.locator(`#comment-${pending.id}`);
    assert.ok(await shown.isVisible(), 'the approved comment is shown');
    assert.ok(((await shown.textContent()) ?? '').includes(body));
    assert.ok(((await shown.textContent()) ?? '').includes('سلمى'));

    const replyLink = shown.locator('a[href*="?replyto="]');
    assert.match((await replyLink.getAttribute('href')) ?? '', new RegExp(`[?&]replyto=${pending.id}(#|$)`));
    await Promise.all([page.waitForNavigation(), replyLink.click()]);
    const replying = ((await page.locator('form#respond').textContent()) ?? '').trim();
    assert.ok(replying.includes(t.replyTo) && replying.includes('سلمى'), 'the form says whom it replies to');
    assert.equal(await page.locator('form#respond [name="parent_id"]').inputValue(), String(pending.id));
    await saveScreenshot(page, 'comment-replying-phone', page.locator('form#respond'));

    const replyBody = 'وأضيف أن الرقمنة وحدها لا تكفي، كما قال المسؤول في المقال.';
    await fillAndSend(page, { name: 'سلمى', email, body: replyBody });
    assert.match(page.url(), /[?&]comment=published/, 'a known reader’s reply is published at once');
    assert.ok((await noticeText(page)).includes(t.commentPublished));
    const reply = (await commentsBy(email)).find((c) => c.parentId === pending.id);
    assert.ok(reply, 'the reply was stored under its parent');
    assert.equal(reply.status, 'approved');

    const nested = await page.evaluate(
      ([parentId, replyId]) => {
        const parent = document.getElementById(`comment-${parentId}`)?.closest('li');
        const child = document.getElementById(`comment-${replyId}`);
        return Boolean(parent && child && parent.contains(child) && child.closest('li') !== parent);
      },
      [pending.id, reply.id],
    );
    assert.ok(nested, 'the reply appears inside its parent comment');
    assert.ok(((await page.locator(`#comment-${reply.id}`).textContent()) ?? '').includes(replyBody));
    await saveScreenshot(
      page,
      'comment-reply-phone',
      page.locator(`#comment-${pending.id}`).locator('xpath=..'),
    );
    await page.close();
  });

  it('refuses an invalid e-mail with an Arabic message and keeps the typed text', async () => {
    const page = await context.newPage();
    await page.goto(url);
    const body = 'تعليق لن يُنشر لأن البريد الإلكتروني ناقص، لكن النص يجب أن يبقى في النموذج.';
    // "reader@example" passes the browser's own e-mail check, so the server decides.
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await fillAndSend(page, { name: 'قارئ', email: 'reader@example', body });
    assert.equal((await response).status(), 422);

    const error = page.locator('#c-email-error');
    assert.equal(((await error.textContent()) ?? '').trim(), t.errEmail);
    assert.match(t.errEmail, /[\u0600-\u06FF]/, 'the message is in Arabic');
    assert.equal(await page.locator('#c-email').getAttribute('aria-invalid'), 'true');
    assert.ok((await page.locator('#c-email').getAttribute('aria-describedby'))?.includes('c-email-error'));
    assert.ok((await noticeText(page)).includes(t.commentRefused), 'a general notice explains the refusal');
    assert.equal(await page.locator('#c-body').inputValue(), body, 'the typed comment is kept');
    assert.equal(await page.locator('#c-name').inputValue(), 'قارئ', 'the typed name is kept');
    assert.equal(await page.locator('#c-email').inputValue(), 'reader@example', 'the typed e-mail is kept');
    assert.equal((await commentsBy('reader@example')).length, 0, 'nothing was stored');
    await saveScreenshot(page, 'comment-error-phone', page.locator('form#respond'));
    await page.close();
  });
});
