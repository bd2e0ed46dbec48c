// A word-level diff that treats an Arabic word as one word. (Generic word diffs split Arabic
// letters apart because their notion of a word character is Latin.)
import { createRequire } from 'node:module';
import type * as Diff from 'diff';

// Loaded on first use (a revision compared in the newsroom), not in every serving process.
let diffLibrary: typeof Diff | null = null;

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/gu) ?? [];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  diffLibrary ??= createRequire(import.meta.url)('diff') as typeof Diff;
  for (const change of diffLibrary.diffArrays(tokens(before), tokens(after))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}
