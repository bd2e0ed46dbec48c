import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hreflangLinks } from './hreflang.ts';

it('lists every version, itself included, and x-default in the default language', () => {
  assert.deepEqual(
    hreflangLinks(
      [
        { lang: 'en', href: 'https://x/en/article/2/b' },
        { lang: 'ar', href: 'https://x/article/1/a' },
      ],
      'ar',
    ),
    [
      { hreflang: 'ar', href: 'https://x/article/1/a' },
      { hreflang: 'en', href: 'https://x/en/article/2/b' },
      { hreflang: 'x-default', href: 'https://x/article/1/a' },
    ],
  );
});

it('falls back to the first site language when the default one is missing, and skips lone pages', () => {
  const links = hreflangLinks(
    [
      { lang: 'en', href: 'https://x/en/a' },
      { lang: 'fr', href: 'https://x/fr/a' },
    ],
    'ar',
  );
  assert.deepEqual(links.at(-1), { hreflang: 'x-default', href: 'https://x/fr/a' });
  assert.deepEqual(hreflangLinks([{ lang: 'ar', href: 'https://x/a' }], 'ar'), []);
});
