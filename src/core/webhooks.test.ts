import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWebhookUrl, MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS, webhookEvents } from './webhooks.ts';

describe('webhook addresses', () => {
  it('accepts http and https, dropping the fragment', () => {
    assert.deepEqual(checkWebhookUrl('  https://hooks.example/midad?x=1#top '), {
      url: 'https://hooks.example/midad?x=1',
    });
    assert.deepEqual(checkWebhookUrl('http://127.0.0.1:8080/hook'), { url: 'http://127.0.0.1:8080/hook' });
  });

  it('refuses other schemes, credentials, empty and malformed input, each with its reason', () => {
    assert.deepEqual(checkWebhookUrl(''), { problem: 'required' });
    assert.deepEqual(checkWebhookUrl('   '), { problem: 'required' });
    assert.deepEqual(checkWebhookUrl('ftp://files.example/x'), { problem: 'scheme' });
    assert.deepEqual(checkWebhookUrl('javascript:alert(1)'), { problem: 'scheme' });
    assert.deepEqual(checkWebhookUrl('mailto:desk@example.org'), { problem: 'scheme' });
    assert.deepEqual(checkWebhookUrl('https://user:pass@hooks.example/x'), { problem: 'credentials' });
    assert.deepEqual(checkWebhookUrl('https://token@hooks.example/x'), { problem: 'credentials' });
    assert.deepEqual(checkWebhookUrl('hooks.example/x'), { problem: 'invalid' });
    assert.deepEqual(checkWebhookUrl('http://'), { problem: 'invalid' });
    assert.deepEqual(checkWebhookUrl(`https://hooks.example/${'a'.repeat(2001)}`), { problem: 'too-long' });
  });
});

describe('retry schedule', () => {
  const now = new Date('2026-03-01T10:00:00.000Z');

  it('waits about 1 min, 5 min, 30 min, 2 h, 12 h, then gives up', () => {
    const middle = () => 0.5;
    const waits = RETRY_DELAYS_MS.map((_, i) => nextAttemptAt(i + 1, now, middle)!.getTime() - now.getTime());
    assert.deepEqual(waits, [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
    assert.equal(nextAttemptAt(MAX_ATTEMPTS, now, middle), null);
    assert.equal(MAX_ATTEMPTS, 6);
  });

  it('spreads each wait by at most a fifth either way', () => {
    const low = nextAttemptAt(1, now, () => 0)!.getTime() - now.getTime();
    const high = nextAttemptAt(1, now, () => 0.999999)!.getTime() - now.getTime();
    assert.equal(low, 48_000);
    assert.ok(high > 71_900 && high <= 72_000);
  });
});

it('keeps known events once each, in order', () => {
  assert.deepEqual(
    webhookEvents(['article.unpublished', 'post.created', 'article.published', 'article.published']),
    ['article.published', 'article.unpublished'],
  );
});
