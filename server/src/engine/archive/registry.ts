// The archive's speaker registry and counts, read back: the loader continues the registry, a
// checker resolves a draft's speaker names with it, `archive status` prints the counts.

import type pg from 'pg';
import type { SavedRegistry } from '../speakers/speakerRegistry';

type Queryable = Pick<pg.Client, 'query'>;

/** The speakers (ids are positions) and roles the archive holds, as a cache saves a registry. */
export async function readRegistry(db: Queryable): Promise<SavedRegistry> {
  const speakers = await db.query<{ id: number; name: string; key: string }>('SELECT id, name, key FROM verbatim.speakers ORDER BY id');
  const roles = await db.query<{ role: string; speaker_id: number }>('SELECT role, speaker_id FROM verbatim.speaker_roles ORDER BY role');
  speakers.rows.forEach((r, i) => {
    if (r.id !== i) throw new Error(`the archive's speaker ids have a gap at ${i}`);
  });
  return { speakers: speakers.rows.map((r) => [r.name, r.key]), roles: roles.rows.map((r) => [r.role, r.speaker_id]) };
}

export interface ArchiveCounts {
  documents: number;
  statements: number;
  speakers: number;
  /** Word-pair postings: a statement's distinct pair keys, summed over the statements. */
  postings: number;
  generation: number;
  /** The database's size on disk (all of it, not only the archive's tables). */
  bytes: number;
  /** Whether the server is a standby (a read replica). */
  replica: boolean;
}

export async function readCounts(db: Queryable): Promise<ArchiveCounts> {
  const { rows } = await db.query<Record<string, string | boolean>>(
    `SELECT (SELECT count(*) FROM verbatim.documents WHERE kind IS NOT NULL) AS documents,
            (SELECT count(*) FROM verbatim.statements) AS statements,
            (SELECT count(*) FROM verbatim.speakers) AS speakers,
            (SELECT value FROM verbatim.meta WHERE name = 'postings') AS postings,
            (SELECT value FROM verbatim.meta WHERE name = 'generation') AS generation,
            pg_database_size(current_database()) AS bytes,
            pg_is_in_recovery() AS replica`,
  );
  const r = rows[0];
  return {
    documents: Number(r.documents),
    statements: Number(r.statements),
    speakers: Number(r.speakers),
    postings: Number(r.postings),
    generation: Number(r.generation),
    bytes: Number(r.bytes),
    replica: r.replica === true,
  };
}
