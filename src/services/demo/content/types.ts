// Shapes of the demo content. Everything refers to other entries by slug or key, so the data
// files stay readable and a test can check the references without a database.
import type { Lang, PersonLink, Role, SectionNames } from '../../../core/types.ts';
import type { PortraitStyle, Scene } from '../images.ts';

export interface DemoPerson {
  slug: string;
  name: string;
  email: string;
  role: Extract<Role, 'author' | 'editor'>;
  locale: Lang;
  bio: string;
  links: PersonLink[];
  avatar: { style: PortraitStyle; background: string; cloth: string };
}

export interface DemoSection {
  slug: string;
  names: SectionNames;
  /** Slug of the parent section. */
  parent?: string;
  position: number;
}

export interface DemoTag {
  slug: string;
  name: string;
}

export interface DemoImage {
  scene: Scene;
  /** Section slug whose palette colours the picture; defaults to the article's section. */
  palette?: string;
  alt: string;
  caption: string;
  /** Defaults to the house credit. */
  credit?: string;
}

export interface DemoInlineImage extends DemoImage {
  /** Used in body HTML as {{image:key}}. */
  key: string;
  palette: string;
}

export interface DemoArticle {
  /** Stable key inside the demo data (comments and translations point at it). */
  key: string;
  lang: Lang;
  status: 'published' | 'draft';
  title: string;
  slug: string;
  dek: string;
  /** Body HTML; {{image:key}} stands for an inline image from inline-images.ts. */
  body: string;
  section: string;
  /** Person slugs, in byline order. */
  authors: string[];
  tags: string[];
  image: DemoImage;
  /** Publication time, in hours before the seed's `now`. */
  hoursAgo: number;
  /** When set, the article was edited this many hours after publication. */
  editedAfterHours?: number;
  featured?: boolean;
  breaking?: boolean;
  commentsOpen?: boolean;
  /** Key of the Arabic article this one translates. */
  translationOf?: string;
}

export interface DemoComment {
  key: string;
  article: string;
  /** Key of the comment this one answers. */
  parent?: string;
  status: 'approved' | 'pending';
  name: string;
  email: string;
  url?: string;
  /** Slug of a staff member answering under their own account. */
  person?: string;
  body: string;
  /** Hours after the article's publication. */
  hoursAfter: number;
}

export const HOUSE_CREDIT = 'رسم توضيحي: مداد';
