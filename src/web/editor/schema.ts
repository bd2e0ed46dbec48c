// The document the editor can produce: exactly what core/html-policy.ts keeps for an article
// body (p, h2–h4, strong, em, a, ul/ol/li, blockquote, figure/img/figcaption, dir and lang), so
// what the writer sees is what the reader gets. Code, strike, underline, rules and alignment are
// left out on purpose.
import { type Extensions, mergeAttributes, Node } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { STORY_BLOCKS } from './blocks/index.ts';
import { BlockDirection } from './direction.ts';
import { safeLinkUrl } from './urls.ts';

/** The library's responsive image: srcset and sizes travel with it so the reader page gets them. */
const ResponsiveImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      srcset: { default: null },
      sizes: { default: null },
    };
  },
}).configure({ inline: false, allowBase64: false });

/** An image with its caption, the way the reader pages style it. */
const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'image figcaption?',
  draggable: true,
  isolating: true,
  parseHTML: () => [{ tag: 'figure' }],
  renderHTML: ({ HTMLAttributes }) => ['figure', mergeAttributes(HTMLAttributes), 0],
});

const Figcaption = Node.create({
  name: 'figcaption',
  content: 'inline*',
  marks: 'bold italic link',
  defining: true,
  parseHTML: () => [{ tag: 'figcaption' }],
  renderHTML: ({ HTMLAttributes }) => ['figcaption', mergeAttributes(HTMLAttributes), 0],
});

export function articleExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      link: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['mailto'],
      // Editorial links are the newsroom's own choice: no nofollow, no new window.
      HTMLAttributes: { rel: null, target: null },
      isAllowedUri: (url) => safeLinkUrl(url) !== null,
    }),
    ResponsiveImage,
    Figure,
    Figcaption,
    BlockDirection,
    ...STORY_BLOCKS.flatMap((block) => block.extensions),
  ];
}
