// Counted phrases. Arabic has six plural forms and the counted noun changes with them
// (تعليق واحد، تعليقان، ٣ تعليقات، ١١ تعليقًا), which a "{n} items" template cannot express:
// each is an ICU plural message of the interface catalogue (src/locales/reader/*.json). The
// number is written as JavaScript writes it (Latin digits, no grouping), as `{n}` renders it.
import { format, type MessageKey, type Messages, messages } from './i18n.ts';
import type { Lang } from './types.ts';

const KEYS = {
  comments: 'countedComments',
  minutes: 'countedMinutes',
  photos: 'countedPhotos',
} satisfies Record<string, MessageKey>;

export type Counted = keyof typeof KEYS;

/** `text` is an interface language, or the words of an edition (messagesFor). */
export function counted(what: Counted, n: number, text: Lang | Messages): string {
  return format((typeof text === 'string' ? messages(text) : text)[KEYS[what]], { n });
}
