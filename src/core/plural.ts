// Counted phrases. Arabic has six plural forms and the counted noun changes with them
// (تعليق واحد، تعليقان، ٣ تعليقات، ١١ تعليقًا), which a "{n} items" template cannot express:
// each is an ICU plural message of the interface catalogue (src/locales/reader/*.json). The
// number is written as JavaScript writes it (Latin digits, no grouping), as `{n}` renders it.
import { format, type MessageKey, messages } from './i18n.ts';
import type { Lang } from './types.ts';

const KEYS = {
  comments: 'countedComments',
  minutes: 'countedMinutes',
  photos: 'countedPhotos',
} satisfies Record<string, MessageKey>;

export type Counted = keyof typeof KEYS;

export function counted(what: Counted, n: number, lang: Lang): string {
  return format(messages(lang)[KEYS[what]], { n });
}
