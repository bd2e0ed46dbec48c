// Translation groups of multilingual plugins (Polylang's post_translations term, WPML's
// translation group field), joined once every post of the run is written: a group's posts
// may come in any order, and an original may follow its translations in the file. A run that
// was interrupted never joined its groups, so the posts an earlier run of the same source
// imported are members too (found through the import map); a joined group is entered in the
// import map in the transaction that joins it, and is joined again only when a later run
// brings it a new post. Joining writes only what differs, so no link is made twice. A story in
// Midad has one version per edition, so a second post of a group in an edition already taken
// is left out of the group and reported; the rest are linked. When WPML names the language a
// post was translated from, the post of that language in the group becomes its source.
import type { ContentLanguage } from '../../core/languages/tags.ts';
import type { Edition } from '../../core/types.ts';
import type { ImportRepos } from './context.ts';
import type { ReportBuilder } from './report.ts';

export interface GroupMember {
  postId: string;
  articleId: number;
  /** The language the plugin gave the post, canonical; null when it gave none (or a bad code). */
  declared: ContentLanguage | null;
  /** The language the post was translated from (WPML); null for an original or when unsaid. */
  source: ContentLanguage | null;
  /** Imported by this run; false for a post an earlier run imported. */
  fresh: boolean;
  line: number;
}

/** A member with its article as it is now: the edition, its group, and the date to keep. */
interface Version extends GroupMember {
  edition: Edition;
  group: number | null;
  /** Kept when the group is joined: joining changes no text. */
  updatedAt: string;
}

/** Members of each group, by the group's key ("polylang:…", "wpml:…"), in file order. */
export class TranslationGroups {
  private readonly groups = new Map<string, GroupMember[]>();

  add(key: string, member: GroupMember): void {
    const members = this.groups.get(key);
    // A post the export lists twice is one member.
    if (members?.some((m) => m.articleId === member.articleId)) return;
    if (members) members.push(member);
    else this.groups.set(key, [member]);
  }

  /** Groups with more than one post, a few at a time (one batch transaction each). */
  *batches(size: number): Generator<[string, GroupMember[]][]> {
    const all = [...this.groups].filter(([, members]) => members.length > 1);
    for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
  }
}

/** The group's name as the export wrote it, for the report. */
function groupName(key: string): string {
  const [plugin, ...rest] = key.split(':');
  return `${plugin === 'wpml' ? 'WPML' : 'Polylang'} translation group "${rest.join(':')}"`;
}

/**
 * One version per edition. Originals are placed first, so a translation in the same edition as
 * its original is the one left out (the others were translated from the original).
 */
function versionsOf(key: string, members: Version[], report: ReportBuilder): Version[] {
  const ordered = [...members.filter((m) => m.source === null), ...members.filter((m) => m.source !== null)];
  const kept = new Map<Edition, Version>();
  for (const m of ordered) {
    const holder = kept.get(m.edition);
    if (holder) {
      report.warn(
        `${groupName(key)}: post ${m.postId} is a second version in the "${m.edition}" edition ` +
          `(post ${holder.postId} is already there); imported without the link`,
        m.line,
      );
    } else kept.set(m.edition, m);
  }
  return members.filter((m) => kept.get(m.edition) === m);
}

/** The version a member was translated from: the group's post in its source language. */
function sourceOf(member: Version, versions: Version[]): Version | null {
  if (member.source === null) return null;
  const wanted = member.source;
  return versions.find((v) => v !== member && v.declared === wanted) ?? null;
}

/** Joins one group; returns the article it is named after (its first post when none is joined). */
async function joinGroup(
  repos: ImportRepos,
  key: string,
  members: Version[],
  links: Map<number, number>,
  report: ReportBuilder,
): Promise<number> {
  const versions = versionsOf(key, members, report);
  if (versions.length < 2) return members[0]!.articleId;
  const sources = new Map<Version, Version>();
  for (const v of versions) {
    const source = sourceOf(v, versions);
    if (source === null) {
      if (v.source !== null)
        report.warn(
          `${groupName(key)}: post ${v.postId} was translated from "${v.source}", which the group ` +
            'has no post in; linked to the others without a source',
          v.line,
        );
      continue;
    }
    // Two posts naming each other's language as their source: the first link stands.
    if (sources.get(source) === v) {
      report.warn(
        `${groupName(key)}: posts ${source.postId} and ${v.postId} each say they were translated ` +
          `from the other; post ${v.postId} is taken as the source`,
        v.line,
      );
      continue;
    }
    sources.set(v, source);
  }
  // The group is named after its original when it has one.
  const named = versions.find((v) => v.source === null && !sources.has(v)) ?? versions[0]!;
  for (const v of versions) {
    if (v.group === named.articleId) continue;
    await repos.articles.update(v.articleId, { translationGroup: named.articleId, updatedAt: v.updatedAt });
  }
  const now = new Date().toISOString();
  for (const [translation, source] of sources) {
    if (links.get(translation.articleId) === source.articleId) continue;
    await repos.translations.link({
      articleId: translation.articleId,
      sourceId: source.articleId,
      reviewedAt: now,
      reviewedBy: null,
    });
  }
  return named.articleId;
}

/**
 * Joins the groups of a batch of one source: every group's posts become versions of one story.
 * A group already joined by an earlier run is left as it is unless this run imported a post of it.
 */
export async function joinTranslationGroups(
  repos: ImportRepos,
  source: string,
  batch: [string, GroupMember[]][],
  report: ReportBuilder,
): Promise<void> {
  const joined = await repos.imports.targets(
    source,
    'translation-group',
    batch.map(([key]) => key),
  );
  const due = batch.filter(([key, members]) => !joined.has(key) || members.some((m) => m.fresh));
  const ids = due.flatMap(([, members]) => members.map((m) => m.articleId));
  const articles = new Map((await repos.articles.byIds(ids)).map((a) => [a.id, a]));
  const links = new Map((await repos.translations.touching(ids)).map((l) => [l.articleId, l.sourceId]));
  const recorded: { sourceId: string; targetId: number }[] = [];
  for (const [key, members] of due) {
    // A post deleted since an earlier run imported it is no longer part of the story.
    const versions = members.flatMap((m): Version[] => {
      const a = articles.get(m.articleId);
      return a ? [{ ...m, edition: a.lang, group: a.translationGroup, updatedAt: a.updatedAt }] : [];
    });
    if (versions.length === 0) continue;
    const named = await joinGroup(repos, key, versions, links, report);
    if (!joined.has(key)) recorded.push({ sourceId: key, targetId: named });
  }
  await repos.imports.recordMany(source, 'translation-group', recorded);
}
