// Block-editor (Gutenberg) content: the HTML is the content; the <!-- wp:… --> comments are
// the editor's bookkeeping and go. Embed blocks have already become stored embeds (embeds.ts);
// a wrapper left without its block comment keeps its URL as a link.

const BLOCK_COMMENT = /<!--\s*\/?wp:[\s\S]*?-->/g;
const EMBED_WRAPPER = /<div class="wp-block-embed__wrapper">\s*(https?:\/\/[^\s<]+)\s*<\/div>/g;

export function hasBlocks(html: string): boolean {
  return html.includes('<!-- wp:');
}

export function stripBlocks(html: string): string {
  return html
    .replace(EMBED_WRAPPER, (_all, url: string) => `<a href="${url}">${url}</a>`)
    .replace(BLOCK_COMMENT, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
