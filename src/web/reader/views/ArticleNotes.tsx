// Corrections and updates at the top of an article: a region per kind with its heading, each
// note dated with <time datetime>. Sections, not <aside>: they are part of the article's story.
import type { ArticleNoteGroupView } from '../corrections-presenter.ts';
import { ShortDate } from './Dates.tsx';

export function ArticleNotes({ groups }: { groups: readonly ArticleNoteGroupView[] | undefined }) {
  if (!groups || groups.length === 0) return null;
  return (
    <div class="article-notes">
      {groups.map((group) => (
        <section
          key={group.kind}
          class={`article-notes-group article-${group.kind}s`}
          aria-labelledby={`article-${group.kind}s-title`}
        >
          <h2 id={`article-${group.kind}s-title`} class="article-notes-title">
            {group.heading}
          </h2>
          <ol>
            {group.items.map((note) => (
              <li key={note.id} id={`${group.kind}-${note.id}`}>
                <p class="article-note-meta">
                  <strong>{note.label}</strong> <ShortDate date={note.date} />
                </p>
                <p class="article-note-text" dir="auto">
                  {note.text}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
