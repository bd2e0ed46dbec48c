import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../../core/i18n.ts';
import { renderCallouts } from './callouts.ts';
import { renderBody } from './render-body.ts';

const ctx = { lang: 'ar' as const, t: messages('ar'), baseUrl: 'https://news.example' };

describe('renderCallouts', () => {
  it('makes each info box a note named by its heading, with ids unique in the body', () => {
    const html = renderCallouts(
      '<p>x</p><aside data-block="infobox"><h3>أرقام &amp; حقائق</h3><p>٣ آبار</p></aside><aside data-block="infobox" lang="fr" dir="ltr"><h3>Chiffres</h3><ul><li>3</li></ul></aside>',
      ctx,
    );
    assert.equal(
      html,
      '<p>x</p><aside class="infobox" data-block="infobox" role="note" aria-labelledby="infobox-1"><h3 id="infobox-1">أرقام &amp; حقائق</h3><p>٣ آبار</p></aside>' +
        '<aside class="infobox" data-block="infobox" role="note" aria-labelledby="infobox-2" dir="ltr" lang="fr"><h3 id="infobox-2">Chiffres</h3><ul><li>3</li></ul></aside>',
    );
  });

  it('keeps an info box without a heading as an unnamed note, and leaves pull quotes and other asides as stored', () => {
    const pull =
      '<figure data-block="pullquote"><blockquote><p>«الماء حق»</p></blockquote><figcaption>عمدة</figcaption></figure>';
    assert.equal(renderCallouts(pull, ctx), pull);
    assert.equal(
      renderCallouts('<aside data-block="infobox"><p>نص</p></aside><aside><p>b</p></aside>', ctx),
      '<aside class="infobox" data-block="infobox" role="note"><p>نص</p></aside><aside><p>b</p></aside>',
    );
    assert.ok(renderBody('<aside data-block="infobox"><h3>t</h3></aside>', ctx).includes('role="note"'));
  });
});
