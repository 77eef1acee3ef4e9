// The soak: thousands of edits over LSP to a 3,000-word draft while the corpus changes under it.
// Shared by the CI test (a shorter run) and `npm run soak` (the full 10,000 edits).
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkText, loadCorpus } from '../../server/src/engine';
import type { ServerInfo } from '../../server/src/lsp/protocol';
import { TestClient, uriOf } from '../lsp/lspClient';
import { EXAMPLES } from '../support/paths';
import { seeded } from './hostileInputs';

export interface SoakResult {
  edits: number;
  corpusChanges: number;
  /** The server's live heap (after a full collection) once warm and at the end of the run. */
  heapAfterWarmupMb: number;
  heapEndMb: number;
  rssPeakMb: number;
  finalDiagnostics: string[];
  freshCheck: string[];
  draftWords: number;
}

const QUOTES = [
  '“Our commitment to Israel’s security is ironclad,” Blinken said.',
  '“We remain committed to a negotiated outcome,” Miller said.',
  'A senior Biden administration official said the Iranian response "is not at all encouraging.”',
  '“Israel will do everything to defend itself,” Blinken said.',
  '“Diplomacy remains the best path, but every option is on the table,” Miller told reporters.',
  '“We will never accept a deal like this one,” Miller said.',
];
const FILLER = 'The talks continued through the week as officials from both countries met in the capital to discuss the region and its future. ';

function draftOf(random: () => number, words: number): string {
  const paragraphs: string[] = ['# Soak draft', ''];
  let count = 0;
  while (count < words) {
    const quote = QUOTES[Math.floor(random() * QUOTES.length)];
    const para = FILLER.repeat(1 + Math.floor(random() * 3)) + quote;
    paragraphs.push(para, '');
    count += para.split(/\s+/).length;
  }
  return paragraphs.join('\n');
}

const rssMb = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
};

export async function soak(edits: number, log: (line: string) => void = () => undefined): Promise<SoakResult> {
  const random = seeded(99);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-soak-'));
  fs.cpSync(path.join(EXAMPLES, 'sources'), path.join(root, 'sources'), { recursive: true });
  const draftPath = path.join(root, 'draft.md');
  let text = draftOf(random, 3000);
  const initialLength = text.length;
  fs.writeFileSync(draftPath, text);
  const changing = path.join(root, 'sources', 'changing.jsonl');
  // --expose-gc lets the server's info command collect before it measures: RSS alone follows V8's
  // lazy old-generation collections (it climbed to 240 MB and fell back to 140 MB in one run).
  const client = new TestClient(root, [], ['--expose-gc']);
  const liveHeapMb = async () => {
    const info = await client.conn.sendRequest<ServerInfo>('workspace/executeCommand', { command: 'verbatim.server.info', arguments: [] });
    assert.ok(info.memory.afterFullGc, 'the server measured after a full collection');
    return info.memory.heapUsedMb;
  };
  let corpusChanges = 0;
  const samples: number[] = [];
  let rssPeak = 0;
  try {
    await client.initialize({ debounce: 20 });
    await client.ready();
    const uri = client.open(draftPath, 'markdown', text);
    await client.diagnosticsFor(uri);
    let version = 1;
    for (let i = 0; i < edits; i++) {
      // An edit: type a word, delete a few characters, or paste a quote, somewhere in the draft.
      const lines = text.split('\n');
      const line = Math.floor(random() * lines.length);
      const character = Math.floor(random() * (lines[line].length + 1));
      // Past 5% over its first size, the draft only loses words, so it stays near 3,000 words.
      const kind = text.length > initialLength * 1.05 ? 0.5 + random() * 0.4 : random();
      let removed = 0;
      let inserted = '';
      // About as much is deleted as typed, so the draft stays near 3,000 words and memory can be compared.
      if (kind < 0.45) inserted = random() < 0.5 ? 'x' : ' word';
      else if (kind < 0.9) removed = Math.min(lines[line].length - character, 1 + Math.floor(random() * 4));
      else {
        inserted = ` ${QUOTES[Math.floor(random() * QUOTES.length)]} `;
        removed = Math.min(lines[line].length - character, inserted.length);
      }
      const range = { start: { line, character }, end: { line, character: character + removed } };
      version = client.change(uri, range, inserted);
      lines[line] = lines[line].slice(0, character) + inserted + lines[line].slice(character + removed);
      text = lines.join('\n');
      // The corpus changes under the draft: a statement file rewritten and announced.
      if (i % 250 === 125) {
        corpusChanges++;
        fs.writeFileSync(changing, `${JSON.stringify({ speaker: 'Matthew Miller', text: `We will never accept a deal like this one, version ${corpusChanges}.` })}\n`);
        await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(changing), type: corpusChanges === 1 ? 1 : 2 }] });
      }
      if (i % 50 === 49) await client.diagnosticsFor(uri, version); // let the server keep up, as a writer pauses
      if (i % 100 === 0) rssPeak = Math.max(rssPeak, rssMb(client.proc.pid!));
      if (i % 500 === 499) {
        await client.diagnosticsFor(uri, version);
        samples.push(await liveHeapMb());
        if (i % 1000 === 999) log(`${i + 1} edits, server live heap ${samples[samples.length - 1].toFixed(1)} MB, RSS ${rssMb(client.proc.pid!).toFixed(0)} MB`);
      }
    }
    await client.diagnosticsFor(uri, version);
    // Settle: the last corpus change has been indexed when a fresh edit is re-checked against it.
    const settled = client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '');
    const finalDiagnostics = (await client.diagnosticsFor(uri, settled)).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`).sort();
    samples.push(await liveHeapMb());
    // Warm-up is the first half: by then the paragraph cache (4,000 chunks) is full and evicting,
    // as it stays after hours of typing. Medians over stretches of the run, compared.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const heapAfterWarmup = median(samples.slice(Math.floor(samples.length * 0.4), Math.floor(samples.length * 0.6) + 1));
    const heapEnd = median(samples.slice(Math.floor(samples.length * 0.8)));
    const corpus = loadCorpus([path.join(root, 'sources')]);
    const freshCheck = checkText(text, draftPath, corpus)
      .findings.filter((f) => !f.ignored && f.severity !== 'none')
      .map((f) => `${f.range.start.line}:${f.range.start.character} ${f.verdict}`)
      .sort();
    return {
      edits,
      corpusChanges,
      heapAfterWarmupMb: heapAfterWarmup,
      heapEndMb: heapEnd,
      rssPeakMb: Math.max(rssPeak, rssMb(client.proc.pid!)),
      finalDiagnostics,
      freshCheck,
      draftWords: text.split(/\s+/).length,
    };
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
