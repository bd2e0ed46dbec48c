// Galleries: an ordered set of library images with captions.
//
// Stored format (the article body, the API and the feeds all carry it as is):
//
//   <figure data-block="gallery">
//     <ul>
//       <li><figure>
//         <img src="/media/…-960.jpg" srcset="/media/…-320.jpg 320w, …" alt="…" width="960" height="640" />
//         <figcaption>caption — credit</figcaption>        (optional)
//       </figure></li>
//       …one <li> per image, in the order the editor chose…
//     </ul>
//     <figcaption>what the whole set shows</figcaption>  (optional)
//   </figure>
//
// Plain semantic HTML, so a feed reader shows a list of captioned pictures and an API client
// needs no knowledge of Midad. The reader page turns it into a grid whose images link to their
// largest variant (web/reader/body/galleries.ts); nothing about that view is stored.
import { escapeText as escapeHtml } from './html-text.ts';
import type { PolicyFragment } from './policy-fragment.ts';

export const galleryPolicy: PolicyFragment = { tags: [], attributes: { figure: ['data-block'] } };

export const GALLERY_MARK = 'data-block="gallery"';

export interface GalleryImage {
  src: string;
  /** "url 320w, url 640w"; "" when the image has no variants (an image the import could not bring in). */
  srcset: string;
  alt: string;
  width: number | null;
  height: number | null;
  /** HTML (inline); "" for none. */
  captionHtml: string;
}

function imageHtml(image: GalleryImage): string {
  const attrs = [
    `src="${escapeHtml(image.src)}"`,
    image.srcset ? `srcset="${escapeHtml(image.srcset)}"` : '',
    `alt="${escapeHtml(image.alt)}"`,
    image.width && image.height ? `width="${image.width}" height="${image.height}"` : '',
  ].filter(Boolean);
  const caption = image.captionHtml.trim() ? `<figcaption>${image.captionHtml.trim()}</figcaption>` : '';
  return `<li><figure><img ${attrs.join(' ')} />${caption}</figure></li>`;
}

/** The stored HTML of a gallery; "" for a gallery without images (nothing to show). */
export function galleryHtml(images: GalleryImage[], captionHtml = ''): string {
  if (images.length === 0) return '';
  const caption = captionHtml.trim() ? `<figcaption>${captionHtml.trim()}</figcaption>` : '';
  return `<figure ${GALLERY_MARK}><ul>${images.map(imageHtml).join('')}</ul>${caption}</figure>`;
}
