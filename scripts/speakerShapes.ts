// `npm run eval:speaker-shapes`: walks every article of PolNeAR (train and dev) and the GGT dev
// half, extracts quotes and claims, and prints each resolved speaker that is a closed-class word
// or a clause (test/support/speakerShape.ts, issue 15). Exit status 1 when there is any.
//
//   node out/scripts/speakerShapes.js [PATH.jsonl...]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractWithRules } from '../server/src/engine/extract/extractQuotes';
import { badSpeakerShape } from '../test/support/speakerShape';
import { buildArticles, findSharedDir, parseRecords } from './polnear';

export interface BadSpeaker {
  file: string;
  docId: string;
  kind: string;
  speaker: string;
  why: string;
  rules: string[];
}

/** The data sets the walk reads by default: every PolNeAR and GGT article there is. */
export function defaultSets(): string[] {
  const shared = findSharedDir(path.resolve(__dirname, '..', '..')) ?? findSharedDir(process.cwd());
  if (!shared) throw new Error('cannot find the shared folder (../shared/data)');
  return [path.join(shared, 'data', 'polnear', 'train.jsonl'), path.join(shared, 'data', 'polnear', 'dev.jsonl'), path.join(shared, 'data', 'ggt', 'dev.jsonl')];
}

/** Every resolved speaker of every article of `files` that names no one; and how many speakers were read. */
export function walkSpeakers(files: string[]): { bad: BadSpeaker[]; speakers: number; articles: number } {
  const bad: BadSpeaker[] = [];
  let speakers = 0;
  let articles = 0;
  for (const file of files) {
    for (const article of buildArticles(parseRecords(fs.readFileSync(file, 'utf8'), file))) {
      articles++;
      for (const item of extractWithRules(article.text, { format: 'plaintext', claims: true }).items) {
        if (!item.speaker) continue;
        speakers++;
        const why = badSpeakerShape(item.speaker.text, article.text);
        if (why) bad.push({ file: path.basename(path.dirname(file)) + '/' + path.basename(file), docId: article.docId, kind: item.kind, speaker: item.speaker.text, why, rules: [...item.rules] });
      }
    }
  }
  return { bad, speakers, articles };
}

if (require.main === module) {
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : defaultSets();
  const { bad, speakers, articles } = walkSpeakers(files);
  for (const b of bad) console.log(`${b.file} ${b.docId} ${b.kind} ${JSON.stringify(b.speaker)}: ${b.why} (${b.rules.join(', ')})`);
  console.log(`${bad.length} closed-class or clause speakers among ${speakers.toLocaleString('en-US')} resolved speakers in ${articles} articles`);
  process.exitCode = bad.length === 0 ? 0 : 1;
}
