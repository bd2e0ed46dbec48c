// What one story form (embed, audio/video, gallery, pull quote, info box) adds to the article
// HTML allowlist. Each form owns its fragment in its own file; html-policy.ts merges them, so a
// new form never edits the shared list.
export interface PolicyFragment {
  /** Elements the form stores in an article body. */
  tags: string[];
  /** Attributes per element (beyond dir/lang, which every element keeps). */
  attributes: Record<string, string[]>;
  /** URL schemes per element, where they differ from the article default (http, https, mailto, tel). */
  schemesByTag?: Record<string, string[]>;
}

export function mergeFragments(fragments: PolicyFragment[]): Required<PolicyFragment> {
  const tags = new Set<string>();
  const attributes: Record<string, string[]> = {};
  const schemesByTag: Record<string, string[]> = {};
  for (const f of fragments) {
    for (const t of f.tags) tags.add(t);
    for (const [tag, names] of Object.entries(f.attributes)) {
      attributes[tag] = [...new Set([...(attributes[tag] ?? []), ...names])];
    }
    for (const [tag, schemes] of Object.entries(f.schemesByTag ?? {})) {
      schemesByTag[tag] = [...new Set([...(schemesByTag[tag] ?? []), ...schemes])];
    }
  }
  return { tags: [...tags], attributes, schemesByTag };
}
