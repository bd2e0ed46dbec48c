// The privacy page: what the site counts and what it does not keep (text in privacy-text.ts).
import type { PrivacyText } from '../privacy-text.ts';
import type { SiteView } from '../view-models.ts';

export function PrivacyPage({ site, text }: { site: SiteView; text: PrivacyText }) {
  return (
    <article class="privacy">
      <h1>{text.title}</h1>
      <p class="dek">{text.intro}</p>
      {site.readership === false ? <p class="notice">{text.off}</p> : null}
      {text.sections.map((s) => (
        <section key={s.heading}>
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
