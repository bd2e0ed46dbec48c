// robots.txt: the whole public site may be crawled; the newsroom and the JSON API are not pages
// for search results. Names the sitemap index and the Google News sitemap.
export function renderRobots(baseUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /newsroom/',
    'Disallow: /api/',
    '',
    `Sitemap: ${baseUrl}/sitemap.xml`,
    `Sitemap: ${baseUrl}/sitemap-news.xml`,
    '',
  ].join('\n');
}
