// A word-level diff that treats an Arabic word as one word. (Generic word diffs split Arabic
// letters apart because their notion of a word character is Latin.)
import { diffArrays } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/gu) ?? [];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(tokens(before), tokens(after))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}
