// All demo content in one place, in the order it is written to storage.
import { articlesAr1 } from './articles-ar-1.ts';
import { articlesAr2 } from './articles-ar-2.ts';
import { articlesAr3 } from './articles-ar-3.ts';
import { articlesAr4 } from './articles-ar-4.ts';
import { articlesAr5 } from './articles-ar-5.ts';
import { articlesEn } from './articles-en.ts';
import { articlesFr } from './articles-fr.ts';
import type { DemoArticle } from './types.ts';

export { comments } from './comments.ts';
export { inlineImages } from './inline-images.ts';
export { people } from './people.ts';
export { sections, tags } from './sections.ts';
export { siteSettings } from './site.ts';

export const articles: DemoArticle[] = [
  ...articlesAr1,
  ...articlesAr2,
  ...articlesAr3,
  ...articlesAr4,
  ...articlesAr5,
  ...articlesFr,
  ...articlesEn,
];
