// "About the author": photo, linked name, short biography, link to all their articles.
import type { Messages } from '../../../core/i18n.ts';
import type { AuthorBoxView } from '../view-models.ts';
import { ResponsiveImage } from './ResponsiveImage.tsx';

export function AuthorBox({ author, t }: { author: AuthorBoxView; t: Messages }) {
  return (
    <div class="author-box">
      {author.avatar ? <ResponsiveImage class="avatar" image={author.avatar} sizes="5rem" alt="" /> : null}
      <div class="author-text">
        <p class="author-name">
          <a href={author.href} rel="author">
            {author.name}
          </a>
        </p>
        {author.bio ? <p class="author-bio">{author.bio}</p> : null}
        <p class="author-more">
          <a href={author.href}>
            {t.allArticlesBy} {author.name}
          </a>
        </p>
      </div>
    </div>
  );
}

export function AuthorBoxes({ authors, t }: { authors: AuthorBoxView[]; t: Messages }) {
  if (authors.length === 0) return null;
  return (
    <section class="authors" aria-labelledby="authors-title">
      <h2 id="authors-title" class="section-title">
        {t.aboutAuthor}
      </h2>
      {authors.map((a) => (
        <AuthorBox key={a.href} author={a} t={t} />
      ))}
    </section>
  );
}
