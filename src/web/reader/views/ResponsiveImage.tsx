// <picture> with AVIF and WebP sources and a JPEG fallback; lazy unless it is the page's lead image.
import type { ImageView } from '../view-models.ts';

export interface ResponsiveImageProps {
  image: ImageView;
  sizes: string;
  /** The lead image of the page: loaded eagerly with high fetch priority. */
  priority?: boolean;
  /**
   * Lazy all the same (a lead image with high priority): the browser's preload scanner skips lazy
   * images, so data saver (assets/saver.js) can still hold it back before any request.
   */
  lazy?: boolean;
  /** Override the alt text (e.g. "" for a decorative avatar next to the person's name). */
  alt?: string;
  class?: string;
}

export function ResponsiveImage({
  image,
  sizes,
  priority = false,
  lazy = !priority,
  alt,
  class: cls,
}: ResponsiveImageProps) {
  return (
    <picture class={cls}>
      {image.srcsetAvif ? <source type="image/avif" srcset={image.srcsetAvif} sizes={sizes} /> : null}
      {image.srcsetWebp ? <source type="image/webp" srcset={image.srcsetWebp} sizes={sizes} /> : null}
      <img
        src={image.src}
        class={image.focalClass || undefined}
        srcset={image.srcsetJpeg || undefined}
        sizes={image.srcsetJpeg ? sizes : undefined}
        width={image.width}
        height={image.height}
        alt={alt ?? image.alt}
        loading={lazy ? 'lazy' : undefined}
        fetchpriority={priority ? 'high' : undefined}
        decoding="async"
      />
    </picture>
  );
}

/** A figure with caption and credit. */
export function Figure({ image, sizes, priority = false, lazy = !priority }: ResponsiveImageProps) {
  const hasCaption = image.caption !== '' || image.credit !== '';
  return (
    <figure class="figure">
      <ResponsiveImage image={image} sizes={sizes} priority={priority} lazy={lazy} />
      {hasCaption ? (
        <figcaption>
          {image.caption ? <span class="caption">{image.caption}</span> : null}
          {image.caption && image.credit ? ' ' : null}
          {image.credit ? <span class="credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
