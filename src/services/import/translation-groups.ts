// Translation groups of multilingual plugins (Polylang's post_translations term, WPML's
// translation group field), joined once every post of the run is written: a group's posts
// may come in any order, and an original may follow its translations in the file. A story in
// Midad has one version per edition, so a second post of a group in an edition already taken
// is left out of the group and reported; the rest are linked. When WPML names the language a
// post was translated from, the post of that language in the group becomes its source.
import type { ContentLanguage } from '../../core/languages/tags.ts';
import type { Lang } from '../../core/types.ts';
import type { ImportRepos } from './context.ts';
import type { ReportBuilder } from './report.ts';

export interface GroupMember {
  postId: string;
  articleId: number;
  edition: Lang;
  /** The language the plugin gave the post, canonical; null when it gave none (or a bad code). */
  declared: ContentLanguage | null;
  /** The language the post was translated from (WPML); null for an original or when unsaid. */
  source: ContentLanguage | null;
  /** Kept when the group is joined: joining changes no text. */
  updatedAt: string;
  line: number;
}

/** Members of each group, by the group's key ("polylang:…", "wpml:…"), in file order. */
export class TranslationGroups {
  private readonly groups = new Map<string, GroupMember[]>();

  add(key: string, member: GroupMember): void {
    const members = this.groups.get(key);
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
function versionsOf(key: string, members: GroupMember[], report: ReportBuilder): GroupMember[] {
  const ordered = [...members.filter((m) => m.source === null), ...members.filter((m) => m.source !== null)];
  const kept = new Map<Lang, GroupMember>();
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
function sourceOf(member: GroupMember, versions: GroupMember[]): GroupMember | null {
  if (member.source === null) return null;
  const wanted = member.source;
  return versions.find((v) => v !== member && v.declared === wanted) ?? null;
}

async function joinGroup(repos: ImportRepos, key: string, members: GroupMember[], report: ReportBuilder) {
  const versions = versionsOf(key, members, report);
  if (versions.length < 2) return;
  const sources = new Map<GroupMember, GroupMember>();
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
  for (const v of versions)
    await repos.articles.update(v.articleId, { translationGroup: named.articleId, updatedAt: v.updatedAt });
  const now = new Date().toISOString();
  for (const [translation, source] of sources) {
    await repos.translations.link({
      articleId: translation.articleId,
      sourceId: source.articleId,
      reviewedAt: now,
      reviewedBy: null,
    });
  }
}

/** Joins the groups of a batch: every group's posts become versions of one story. */
export async function joinTranslationGroups(
  repos: ImportRepos,
  batch: [string, GroupMember[]][],
  report: ReportBuilder,
): Promise<void> {
  for (const [key, members] of batch) await joinGroup(repos, key, members, report);
}
