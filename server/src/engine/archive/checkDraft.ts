// A draft checked against the local corpus and the newsroom's archive together: the quotes are
// found, the archive is asked once for all their candidates (within its client's deadline), and
// every quote is judged against both; a finding's source says where it came from.

import type { FileReport } from '../types';
import type { Corpus } from '../corpus/corpus';
import { checkPrepared, draftQuoteTokens, prepareDraft, type CheckOptions } from '../check';
import type { ArchiveClient } from './client';

export async function checkWithArchive(fullText: string, filePath: string, corpus: Corpus, archive: ArchiveClient | null, options: CheckOptions = {}): Promise<FileReport> {
  const draft = prepareDraft(fullText, filePath, options);
  if (!archive) return checkPrepared(draft, corpus, options);
  const lookup = await archive.lookup(draftQuoteTokens(draft));
  return checkPrepared(draft, corpus, { ...options, archive: lookup });
}
