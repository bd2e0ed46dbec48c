// Escaping for the story forms' HTML builders. html-policy.ts imports the forms' allowlist
// fragments, so the forms cannot import its escapeHtml back without a load-order cycle.
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
