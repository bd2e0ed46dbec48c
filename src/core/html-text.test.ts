// The visible text of HTML: words kept apart across block ends, hidden elements left out,
// entities decoded exactly once, white space collapsed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToText } from './html-text.ts';

describe('the visible text of HTML', () => {
  it('keeps words apart where a block ends and collapses white space', () => {
    assert.equal(
      htmlToText('<h2>الفيضان</h2><p>غمر الماء\n\n  السوق</p><p>ثم انحسر</p>'),
      'الفيضان غمر الماء السوق ثم انحسر',
    );
    assert.equal(htmlToText('<ul><li>غاو</li><li>موبتي</li></ul>'), 'غاو موبتي');
    assert.equal(
      htmlToText(
        '<blockquote>قال</blockquote><figure><img alt="صورة"><figcaption>النهر</figcaption></figure>',
      ),
      'قال النهر',
    );
    assert.equal(htmlToText('<P>Tombouctou</P>Gao'), 'Tombouctou Gao', 'tag names in any case');
  });

  it('leaves out scripts, styles and form fields, and comments', () => {
    assert.equal(
      htmlToText('قبل<script>alert(1)</script><style>p{color:red}</style><!-- ملاحظة -->بعد'),
      'قبلبعد',
    );
    assert.equal(htmlToText('<select><option>خيار</option></select><textarea>نص</textarea>ظاهر'), 'ظاهر');
  });

  it('decodes entities once', () => {
    assert.equal(htmlToText('<p>ب &amp; ج</p>'), 'ب & ج');
    assert.equal(htmlToText('a &lt;b&gt; &quot;c&quot; &#39;d&#39;'), 'a <b> "c" \'d\'');
    assert.equal(
      htmlToText('<code>&amp;lt;p&amp;gt;</code>'),
      '&lt;p&gt;',
      'an escaped entity stays as written',
    );
    assert.equal(htmlToText('نص&nbsp;هنا'), 'نص هنا', 'a no-break space is white space');
  });
});
