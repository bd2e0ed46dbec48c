// The baseline Midad is measured against: what WordPress does, every whitespace-separated
// word must occur (LIKE '%word%', case-insensitive) in the title or the body; newest first.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

export async function likeSearch(db: Kysely<Database>, text: string, limit: number): Promise<number[]> {
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const conditions = words.map((w) => {
    const pattern = `%${w.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql`(lower(title) LIKE ${pattern} ESCAPE '\\' OR lower(body_html) LIKE ${pattern} ESCAPE '\\')`;
  });
  const { rows } = await sql<{ id: number }>`SELECT id FROM articles
    WHERE status = 'published' AND ${sql.join(conditions, sql` AND `)}
    ORDER BY published_at DESC, id DESC LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}
