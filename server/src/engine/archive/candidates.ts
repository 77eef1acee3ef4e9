// The archive's answer to a draft: the candidate statements of all its quotes, made into a small
// corpus of their own (same readers' fields, same tokenizer, the archive's speaker registry), so
// the quotes are aligned and judged locally exactly as against local sources.

import { Corpus } from '../corpus/corpus';
import { GrowU32 } from '../corpus/growable';
import { Vocabulary } from '../corpus/words';
import type { ReadSource } from '../corpus/sourceFile';
import { SpeakerRegistry, type SavedRegistry } from '../speakers/speakerRegistry';
import type { StatementKind } from '../types';

/** A candidate statement as the archive returns it, with its document's fields. */
export interface CandidateRow {
  id: number;
  label: string;
  speaker: string;
  span_start: number;
  span_end: number;
  start_line: number;
  start_char: number;
  end_line: number;
  end_char: number;
  text: string;
  path: string;
  kind: string | null;
  title: string | null;
  url: string | null;
  date: string | null;
}

/**
 * A corpus of the candidates, document by document in the order given (the archive's ids).
 * `vocab`, when given, is a vocabulary kept from one lookup to the next: the forms of a
 * draft's candidates are mostly known from its last check, and learning each form again (its
 * tokens, their matching keys) was about half the cost of making the corpus. Word ids only
 * grow, so corpora made earlier with it stay right.
 */
export function candidateCorpus(rows: CandidateRow[], registry: SavedRegistry, aliases: Record<string, string[]> = {}, vocab?: Vocabulary): Corpus {
  const corpus = new Corpus({ speakers: aliases }, SpeakerRegistry.fromJSON(registry, aliases));
  if (vocab) corpus.vocab = vocab;
  const byDocument = new Map<string, CandidateRow[]>();
  for (const row of rows) {
    const list = byDocument.get(row.path);
    if (list) list.push(row);
    else byDocument.set(row.path, [row]);
  }
  for (const [docPath, statements] of byDocument) {
    const first = statements[0];
    const document: NonNullable<ReadSource['document']> = { kind: (first.kind ?? 'statement') as StatementKind };
    if (first.title !== null) document.title = first.title;
    if (first.url !== null) document.url = first.url;
    if (first.date !== null) document.date = first.date;
    const read: ReadSource = { size: -1, mtimeMs: -1, hash: '', problems: [], document, labels: [], speakers: [], texts: [], places: [], wordEnds: [], words: new GrowU32(256) };
    for (const s of statements) {
      corpus.vocab.scanInto(s.text, read.words);
      read.wordEnds.push(read.words.length);
      read.labels.push(s.label);
      read.speakers.push(s.speaker);
      read.texts.push(s.text);
      read.places.push(s.span_start, s.span_end, s.start_line, s.start_char, s.end_line, s.end_char);
    }
    corpus.addRead(docPath, read);
  }
  return corpus;
}
