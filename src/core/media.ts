// Where a media item is shown: the reason it may not be deleted, listed for the person asking.
import type { ArticleStatus, Edition } from './types.ts';

export interface MediaUsage {
  /** Articles of any status with it as featured image or in their body. */
  articles: { id: number; lang: Edition; title: string; slug: string; status: ArticleStatus }[];
  /** People with it as their photo. */
  people: { id: number; name: string; slug: string }[];
}
