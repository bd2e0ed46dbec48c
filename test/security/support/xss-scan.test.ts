// The XSS scanner must see a payload that does get through, or the attack suite proves nothing:
// here the corpus is put raw, unescaped, into a page served from the test site's origin with the
// site's own headers (Content Security Policy included), and the scanner has to name each
// payload that is active markup, through the trap, a CSP refusal or its DOM scan.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../support/site.ts';
import { PAYLOADS, type Payload } from './xss-payloads.ts';
import { XssScanner } from './xss-scan.ts';

let site: TestSite;
let scanner: XssScanner;

before(async () => {
  site = await startTestSite({ listen: true });
  scanner = await XssScanner.launch(1);
});
after(async () => {
  await scanner?.close();
  await site?.close();
});

/** Payloads that are markup or a URL a browser acts on when they land in a page unescaped. */
const ACTIVE = [
  'script tag',
  'script with data: src',
  'img onerror',
  'img onerror unquoted',
  'svg onload',
  'svg script',
  'svg animate onbegin',
  'details ontoggle',
  'a href javascript:',
  'a href java&#x09;script:',
  'a href data:text/html',
  'form action javascript:',
  'iframe srcdoc',
  'object data javascript:',
  'embed src javascript:',
  'base href elsewhere',
  'meta refresh javascript:',
  'style attribute expression()',
  'style element import',
  'noscript title mXSS',
  'template shadow root',
  'polyglot breaking every raw-text element',
];

describe('the XSS scanner', () => {
  it('names every active payload put raw into a page, under the policy and without it', async () => {
    const home = await fetch(site.baseUrl);
    const headers: Record<string, string> = {};
    home.headers.forEach((value, key) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(key)) headers[key] = value;
    });
    assert.ok(headers['content-security-policy'], 'the site sends its policy');
    // One page per payload: an unclosed payload would otherwise swallow the ones after it.
    const page = (p: Payload) =>
      `<!DOCTYPE html><html><head><title>raw</title></head><body><p>${p.make(`${p.id}x`)}</p></body></html>`;
    const missed: string[] = [];
    let named = 0;
    for (const p of PAYLOADS) {
      const scan = await scanner.scan(`${site.baseUrl}/raw-page`, {
        response: { status: 200, headers, body: page(p) },
        relaxed: true,
      });
      const marks = new Set(scan.findings.flatMap((f) => f.marks));
      if (marks.has(`${p.id}x`)) named++;
      else if (ACTIVE.includes(p.label)) missed.push(p.label);
      if (p.label === 'script tag') {
        const kinds = scan.findings.filter((f) => f.marks.includes(`${p.id}x`)).map((f) => f.what);
        assert.ok(kinds.includes('trap fired'), 'with the policy off, a raw <script> sets the trap');
        assert.ok(
          kinds.some((k) => k.startsWith('CSP refusal')),
          'with the policy on, a raw <script> is refused and reported',
        );
      }
    }
    assert.deepEqual(missed, [], 'active payloads the scanner did not name');
    assert.equal(ACTIVE.filter((l) => !PAYLOADS.some((p) => p.label === l)).length, 0, 'labels exist');
    process.stdout.write(`the XSS scanner named ${named} of ${PAYLOADS.length} payloads put raw in a page\n`);
  });

  it('names a breakout of a JSON-LD block and an unescaped attribute', async () => {
    const breakout = PAYLOADS.find((p) => p.label === 'script (JSON-LD) breakout')!;
    const attr = PAYLOADS.find((p) => p.label === 'attribute breakout into handler')!;
    const body = `<!DOCTYPE html><html><head><title>raw</title>
<script type="application/ld+json">{"headline":"${breakout.make(`${breakout.id}j`)}"}</script>
<meta property="og:title" content="${attr.make(`${attr.id}o`)}"></head><body><p>x</p></body></html>`;
    const scan = await scanner.scan(`${site.baseUrl}/raw-json-ld`, {
      response: { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body },
      relaxed: true,
    });
    const named = new Set(scan.findings.flatMap((f) => f.marks));
    assert.ok(named.has(`${breakout.id}j`), 'the script after the broken JSON-LD block is named');
    assert.ok(named.has(`${attr.id}o`), 'the handler added to the meta tag is named');
    assert.ok(
      scan.findings.some((f) => f.what === 'JSON-LD that does not parse'),
      'the cut JSON-LD block is reported',
    );
  });
});
