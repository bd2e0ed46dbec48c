// Midad copy attribution: text copied from an article keeps a link to its source.
// It never blocks selection, the context menu, the keyboard or assistive technology.
(() => {
  const article = document.querySelector('[data-copy-protect]');
  if (!article) return;
  const data = (name) => article.getAttribute(`data-copy-${name}`) || '';
  const label = data('source-label');
  const url = data('url') || location.href;
  const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  let timer;
  document.addEventListener('copy', (event) => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) return;
    if (!article.contains(selection.getRangeAt(0).commonAncestorContainer)) return;
    const text = selection.toString();
    if (!text.trim()) return;
    // A template's content is inert: nothing in the copied fragment loads or runs.
    const holder = document.createElement('template');
    for (let i = 0; i < selection.rangeCount; i++) {
      holder.content.appendChild(selection.getRangeAt(i).cloneContents());
    }
    const dir = document.documentElement.dir || 'auto';
    event.clipboardData.setData('text/plain', `${text}\n\n${label}: ${url}`);
    event.clipboardData.setData(
      'text/html',
      `<div dir="${dir}">${holder.innerHTML}<p>${esc(label)}: <a href="${esc(url)}">${esc(url)}</a></p></div>`,
    );
    event.preventDefault();
    // The polite notice goes to the page's live region (rendered by the layout).
    const live = document.getElementById('live');
    if (!live || !data('notice')) return;
    live.textContent = data('notice');
    clearTimeout(timer);
    timer = setTimeout(() => {
      live.textContent = '';
    }, 4000);
  });
})();
