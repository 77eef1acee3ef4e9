import * as fs from 'fs';
import { Corpus } from '../../server/src/engine';
import { SEED_ARTICLE } from './paths';

/** The seed article as a corpus, with any records a test writes for its rules beside it. */
export function seedCorpus(records: Array<{ speaker: string; text: string }> = []): Corpus {
  const corpus = new Corpus();
  corpus.addText('/sources/seed-article.txt', fs.readFileSync(SEED_ARTICLE, 'utf8'));
  if (records.length > 0) corpus.addText('/sources/records.jsonl', records.map((r) => JSON.stringify(r)).join('\n'));
  return corpus;
}
