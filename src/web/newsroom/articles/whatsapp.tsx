// "Copy for WhatsApp" on a published article's editor page. WhatsApp has no public API for
// posting to channels, so the newsroom gets the text to paste: the title in bold (WhatsApp's
// *asterisks*), the dek and the link. The text sits in a readonly textarea, selectable without
// JavaScript; the editor script makes the button copy it.
import type { Article, Edition, Lang } from '../../../core/types.ts';
import { articlePath } from '../../../core/urls.ts';

const LABELS: Record<Lang, { label: string; copy: string; copied: string; help: string }> = {
  ar: {
    label: 'نص للنشر في واتساب',
    copy: 'انسخ النص',
    copied: 'نُسخ النص',
    help: 'لا يتيح واتساب النشر الآلي في القنوات: انسخ هذا النص والصقه في قناتك أو مجموعتك.',
  },
  fr: {
    label: 'Texte pour WhatsApp',
    copy: 'Copier le texte',
    copied: 'Texte copié',
    help: 'WhatsApp ne permet pas de publier automatiquement dans une chaîne : copiez ce texte et collez-le dans votre chaîne ou votre groupe.',
  },
  en: {
    label: 'Text for WhatsApp',
    copy: 'Copy the text',
    copied: 'Text copied',
    help: 'WhatsApp offers no way to post to a channel automatically: copy this text and paste it into your channel or group.',
  },
};

export interface WhatsAppView {
  text: string;
  lang: Edition;
  labels: (typeof LABELS)[Lang];
}

export function whatsappText(
  article: Pick<Article, 'id' | 'slug' | 'lang' | 'title' | 'dek'>,
  publicUrl: string,
): string {
  const title = article.title.trim().replace(/\s+/g, ' ');
  const parts = [`*${title}*`];
  if (article.dek.trim() !== '') parts.push(article.dek.trim());
  parts.push(publicUrl + articlePath(article));
  return parts.join('\n\n');
}

/** The block for a published article; null for any other. */
export function whatsappView(article: Article, publicUrl: string, lang: Lang): WhatsAppView | null {
  if (article.status !== 'published') return null;
  return { text: whatsappText(article, publicUrl), lang: article.lang, labels: LABELS[lang] };
}

export function WhatsAppText({ view }: { view: WhatsAppView }) {
  return (
    <p class="nr-field nr-whatsapp">
      <label for="whatsapp-text">{view.labels.label}</label>
      <textarea
        id="whatsapp-text"
        class="nr-secret"
        readonly
        rows={5}
        dir="auto"
        lang={view.lang}
        aria-describedby="whatsapp-help"
      >
        {view.text}
      </textarea>
      <span id="whatsapp-help" class="nr-help">
        {view.labels.help}
      </span>
      <button
        type="button"
        class="nr-secondary"
        data-copy-from="whatsapp-text"
        data-copied={view.labels.copied}
        hidden
      >
        {view.labels.copy}
      </button>
    </p>
  );
}
