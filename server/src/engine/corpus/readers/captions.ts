// Captions: WebVTT (`.vtt`, Zoom and Teams exports, Whisper) and SubRip (`.srt`). A cue's
// speaker comes from a voice tag (`<v Antony Blinken>…</v>`, `<v.loud Name>`) or a label
// at the start of its text (`MILLER: …`, `Speaker 1: …`); a cue without one continues the
// previous speaker's turn. Consecutive cues of one speaker are one statement (a sentence
// often runs over several cues); its span runs from the first cue's words to the last's.
// A file with no speaker at all is a problem: captions are useless without one (a config
// alias can map "Speaker 1" to a name).

import { matchLabel } from './transcript';
import type { RecordStatement } from './records';

const TIMING = /^\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}\s+-->\s+(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}/;
const VOICE = /<v(?:\.[\w.-]+)?\s+([^>]+)>/;
const TAG = /<[^>]*>|\{\\[^}]*\}/g;
const QUESTION = '\u0000question';

interface Cue {
  speaker: string | null;
  text: string;
  start: number;
  end: number;
}

export function readCaptions(text: string, format: 'vtt' | 'srt'): { statements: RecordStatement[]; problems: string[] } {
  const problems: string[] = [];
  if (format === 'vtt' && !/^\uFEFF?WEBVTT/.test(text)) problems.push('a WebVTT file should start with `WEBVTT`; read anyway');
  const cues: Cue[] = [];
  // Blocks separated by blank lines; each line with its offset.
  const lines: Array<{ s: string; start: number }> = [];
  for (let i = 0, start = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const s = text.slice(start, i).replace(/\r$/, '');
      lines.push({ s, start });
      start = i + 1;
    }
  }
  let k = 0;
  while (k < lines.length) {
    while (k < lines.length && lines[k].s.trim() === '') k++;
    const block: Array<{ s: string; start: number }> = [];
    while (k < lines.length && lines[k].s.trim() !== '') block.push(lines[k++]);
    if (block.length === 0) break;
    const timing = block.findIndex((l) => TIMING.test(l.s));
    if (timing < 0 || timing > 1) continue; // the WEBVTT header, NOTE, STYLE, REGION blocks
    const payload = block.slice(timing + 1);
    if (payload.length === 0) continue;
    let speaker: string | null = null;
    let words: string[] = [];
    let start = -1;
    let end = -1;
    for (const line of payload) {
      let s = line.s;
      let offset = line.start;
      const voice = VOICE.exec(s);
      if (voice) speaker = voice[1].trim();
      const bare = s.replace(TAG, (m) => ' '.repeat(m.length));
      const label = !voice && start < 0 ? matchLabel(bare, 0, true, null, true) : null;
      if (label) {
        // "Q:" (a question) and an unmapped "A:" are no one's statements.
        speaker = label.style === 'qa' ? QUESTION : label.text;
        offset += label.contentStart;
        s = bare.slice(label.contentStart);
      } else s = bare;
      const content = s.trim().replace(/^-\s+/, '');
      if (!content) continue;
      const at = offset + s.indexOf(content);
      if (start < 0) start = at;
      end = at + content.length;
      words.push(content);
    }
    if (start < 0) continue;
    cues.push({ speaker, text: words.join(' ').replace(/\s+/g, ' ').trim(), start, end });
    words = [];
  }
  const statements: RecordStatement[] = [];
  let current: RecordStatement | null = null;
  let speaker: string | null = null;
  let unspoken = 0;
  for (const cue of cues) {
    if (cue.speaker && cue.speaker !== speaker) {
      speaker = cue.speaker;
      current = null;
    }
    if (!speaker) {
      unspoken++;
      continue;
    }
    if (speaker === QUESTION) continue;
    if (current) {
      current.text += ` ${cue.text}`;
      current.span.end = cue.end;
    } else {
      current = { speakerText: speaker, text: cue.text, span: { start: cue.start, end: cue.end } };
      statements.push(current);
    }
  }
  if (unspoken > 0) {
    problems.push(
      `${unspoken} caption cue${unspoken === 1 ? '' : 's'} with no speaker skipped: captions need voice tags (\`<v Name>\`) or \`Name:\` labels`,
    );
  }
  return { statements, problems };
}
