import assert from 'node:assert/strict';
import { it } from 'node:test';
import { absolutizeHtml } from './absolute-html.ts';

it('makes root-relative links, images and srcsets absolute, leaving others alone', () => {
  const html =
    '<p><a href="/article/1/x">a</a> <a href="https://ex.org/">b</a> <a href="//cdn.org/x">c</a></p>' +
    '<img src="/media/a.jpg" srcset="/media/a-320.jpg 320w, /media/a-640.jpg 640w" alt="/media/no">';
  assert.equal(
    absolutizeHtml(html, 'https://midad.example'),
    '<p><a href="https://midad.example/article/1/x">a</a> <a href="https://ex.org/">b</a> <a href="//cdn.org/x">c</a></p>' +
      '<img src="https://midad.example/media/a.jpg" srcset="https://midad.example/media/a-320.jpg 320w, https://midad.example/media/a-640.jpg 640w" alt="/media/no">',
  );
});
