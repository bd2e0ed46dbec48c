// The sections page: each section's form folded under its name, and the form for a new one.
import { format } from '../../../core/i18n.ts';
import { directionOf } from '../../../core/languages/direction.ts';
import type { Section } from '../../../core/types.ts';
import type { SectionMessages } from './messages.ts';

type Editions = { tag: string; name: string }[];

function Fields({
  t,
  section,
  all,
  prefix,
  editions,
}: {
  t: SectionMessages;
  section: Section | null;
  all: Section[];
  prefix: string;
  /** The site's further editions: one name field each. */
  editions: Editions;
}) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <p>
        <label for={id('slug')}>{t.slug}</label>
        <input id={id('slug')} name="slug" value={section?.slug ?? ''} dir="auto" required maxlength={80} />
      </p>
      <p>
        <label for={id('ar')}>{t.nameAr}</label>
        <input
          id={id('ar')}
          name="name_ar"
          value={section?.names.ar ?? ''}
          dir="rtl"
          lang="ar"
          required
          maxlength={80}
        />
      </p>
      <p>
        <label for={id('fr')}>{t.nameFr}</label>
        <input
          id={id('fr')}
          name="name_fr"
          value={section?.names.fr ?? ''}
          dir="ltr"
          lang="fr"
          maxlength={80}
        />
      </p>
      <p>
        <label for={id('en')}>{t.nameEn}</label>
        <input
          id={id('en')}
          name="name_en"
          value={section?.names.en ?? ''}
          dir="ltr"
          lang="en"
          maxlength={80}
        />
      </p>
      {editions.map((e) => (
        <p key={e.tag}>
          <label for={id(`x-${e.tag}`)}>{format(t.nameOther, { language: e.name })}</label>
          <input
            id={id(`x-${e.tag}`)}
            name={`name_x_${e.tag}`}
            value={section?.otherNames?.[e.tag] ?? ''}
            dir={directionOf(e.tag)}
            lang={e.tag}
            maxlength={80}
          />
        </p>
      ))}
      <p>
        <label for={id('parent')}>{t.parent}</label>
        <select id={id('parent')} name="parent_id">
          <option value="">{t.noParent}</option>
          {all
            .filter((s) => s.id !== section?.id)
            .map((s) => (
              <option key={s.id} value={String(s.id)} selected={section?.parentId === s.id}>
                {s.names.ar}
              </option>
            ))}
        </select>
      </p>
      <p>
        <label for={id('position')}>{t.position}</label>
        <input
          id={id('position')}
          name="position"
          type="number"
          min={0}
          max={1000}
          value={String(section?.position ?? 0)}
        />
      </p>
    </>
  );
}

export function SectionsPage({
  t,
  csrf,
  sections,
  editions,
}: {
  t: SectionMessages;
  csrf: string;
  sections: Section[];
  editions: Editions;
}) {
  return (
    <>
      <ul class="nr-queue">
        {sections.map((s) => (
          <li key={s.id} class="nr-card" id={`section-${s.id}`}>
            <details>
              <summary>
                <strong dir="auto">{s.names.ar}</strong> <span class="nr-meta">/{s.slug}</span>
              </summary>
              <form method="post" action={`/newsroom/sections/${s.id}`} class="nr-form">
                <input type="hidden" name="_csrf" value={csrf} />
                <Fields t={t} section={s} all={sections} prefix={`s${s.id}`} editions={editions} />
                <button type="submit">{t.save}</button>
              </form>
              <form method="post" action={`/newsroom/sections/${s.id}/delete`} class="nr-inline">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="nr-danger">
                  {t.delete}
                </button>
              </form>
            </details>
          </li>
        ))}
      </ul>
      <section class="nr-card" aria-labelledby="new-section-title">
        <h2 id="new-section-title">{t.newSection}</h2>
        <form method="post" action="/newsroom/sections" class="nr-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <Fields t={t} section={null} all={sections} prefix="new" editions={editions} />
          <button type="submit">{t.create}</button>
        </form>
      </section>
    </>
  );
}
