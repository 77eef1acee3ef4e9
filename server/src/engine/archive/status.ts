// `archive status`: the counts of an archive, read in one read-only session.

import { connectSession } from './connection';
import { readCounts, type ArchiveCounts } from './registry';

export async function readArchiveCounts(url: string): Promise<ArchiveCounts> {
  const client = await connectSession(url);
  try {
    await client.query('BEGIN READ ONLY');
    const counts = await readCounts(client);
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') throw new Error('no Verbatim archive in this database (run `verbatim archive load` first)', { cause: error });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
