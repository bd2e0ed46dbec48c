// schema.org LiveBlogPosting for a live article: when the coverage started (and ended), and its
// entries as liveBlogUpdate BlogPostings, newest first, each with its own anchor on the page.
import { htmlToText } from '../../../core/html-policy.ts';
import type { LiveCoverage, LiveEntry } from '../../../core/live.ts';
import type { Edition } from '../../../core/types.ts';
import type { JsonLdObject } from '../meta/json-ld.ts';

export interface LiveBlogInput {
  url: string;
  headline: string;
  description: string;
  lang: Edition;
  published: string;
  modified: string;
  coverage: LiveCoverage;
  entries: readonly LiveEntry[];
  publisherName: string;
}

/** A BlogPosting headline is at most 110 characters: the entry's first words. */
function headlineOf(text: string): string {
  const chars = [...text];
  return chars.length <= 110 ? text : `${chars.slice(0, 109).join('')}…`;
}

export function liveBlogLd(input: LiveBlogInput): JsonLdObject {
  const { coverage } = input;
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': `${input.url}#live`,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    headline: headlineOf(input.headline),
    description: input.description,
    inLanguage: input.lang,
    datePublished: input.published,
    dateModified: input.modified,
    coverageStartTime: coverage.startedAt,
    ...(coverage.state === 'ended' && coverage.endedAt ? { coverageEndTime: coverage.endedAt } : {}),
    publisher: { '@type': 'Organization', name: input.publisherName },
    liveBlogUpdate: input.entries.map((entry) => {
      const text = htmlToText(entry.bodyHtml);
      return {
        '@type': 'BlogPosting',
        '@id': `${input.url}#entry-${entry.id}`,
        url: `${input.url}#entry-${entry.id}`,
        headline: headlineOf(text || input.headline),
        articleBody: text,
        datePublished: entry.createdAt,
        dateModified: entry.updatedAt,
        inLanguage: input.lang,
      };
    }),
  };
}
