// One revision compared with the current text, word by word, and a button to restore it.
import type { DiffPart } from '../../../core/word-diff.ts';
import type { ArticleMessages } from './messages.ts';

function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <p class="nr-diff" dir="auto">
      {parts.map((p, i) =>
        p.kind === 'added' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.kind === 'removed' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

export function RevisionView(props: {
  t: ArticleMessages;
  csrf: string;
  articleId: number;
  revisionId: number;
  label: string;
  title: DiffPart[];
  dek: DiffPart[];
  body: DiffPart[];
}) {
  const { t } = props;
  return (
    <>
      <p>
        <a href={`/newsroom/articles/${props.articleId}`}>← {t.articles}</a>
      </p>
      <p class="nr-meta">{props.label}</p>
      <section class="nr-card" aria-labelledby="diff-title">
        <h2 id="diff-title">{t.compareWithCurrent}</h2>
        <h3>{t.title}</h3>
        <Diff parts={props.title} />
        <h3>{t.dek}</h3>
        <Diff parts={props.dek} />
        <h3>{t.body}</h3>
        <Diff parts={props.body} />
      </section>
      <form
        method="post"
        action={`/newsroom/articles/${props.articleId}/revisions/${props.revisionId}/restore`}
      >
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit">{t.restoreRevision}</button>
      </form>
    </>
  );
}
