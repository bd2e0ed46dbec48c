// Classic-editor content is stored without paragraphs: WordPress adds them on display
// (wpautop). Midad stores finished HTML, so the import adds them once: blank lines separate
// paragraphs, a single newline inside a paragraph is a line break, and block elements are
// never wrapped in a paragraph (nor are scripts and frames, which the allowlist then removes
// whole instead of leaving an empty paragraph).

const BLOCK =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|script|noscript|iframe|object)';
const OPEN_BLOCK = new RegExp(`(<${BLOCK}[\\s/>])`, 'gi');
const CLOSE_BLOCK = new RegExp(`(</${BLOCK}>)`, 'gi');
const STARTS_BLOCK = new RegExp(`^</?${BLOCK}[\\s/>]`, 'i');
const ENDS_BLOCK = new RegExp(`</?${BLOCK}[^>]*>$`, 'i');

export function autop(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') return '';
  // <pre> keeps its newlines: it is cut out first and put back untouched.
  const pres: string[] = [];
  const guarded = normalized.replace(/<pre\b[\s\S]*?<\/pre>/gi, (pre) => {
    pres.push(pre);
    return `\n\n<pre data-autop="${pres.length - 1}"></pre>\n\n`;
  });
  const spaced = guarded.replace(OPEN_BLOCK, '\n\n$1').replace(CLOSE_BLOCK, '$1\n\n');
  const html = spaced
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => {
      if (STARTS_BLOCK.test(chunk) || ENDS_BLOCK.test(chunk)) return chunk;
      return `<p>${chunk.replace(/\s*\n\s*/g, '<br>\n')}</p>`;
    })
    .join('\n');
  return html.replace(/<pre data-autop="(\d+)"><\/pre>/g, (_all, i: string) => pres[Number(i)] ?? '');
}
