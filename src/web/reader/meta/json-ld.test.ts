import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serializeJsonLd } from './json-ld.ts';

it('cannot be broken out of by a title holding </script> or an HTML comment', () => {
  const doc = { headline: '</script><script>alert(1)</script> <!-- & -->', note: 'a\u2028b' };
  const json = serializeJsonLd(doc);
  assert.ok(!/[<>&\u2028]/.test(json), json);
  assert.ok(!json.toLowerCase().includes('</script'));
  assert.deepEqual(JSON.parse(json), doc, 'JSON parsers read the same data');
});

it('drops undefined properties like JSON.stringify', () => {
  assert.equal(serializeJsonLd({ a: 1, b: undefined }), '{"a":1}');
});
