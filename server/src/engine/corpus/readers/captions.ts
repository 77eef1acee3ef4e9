// Captions: WebVTT (`.vtt`, Zoom and Teams exports, Whisper, YouTube), SubRip (`.srt`) and
// YouTube's SubViewer (`.sbv`). A cue's speaker comes from a voice tag (`<v Antony Blinken>…</v>`,
// `<v.loud Name>`) or a label at the start of its text (`MILLER: …`, `Speaker 1: …`); in
// broadcast captions `>>` marks a change of speaker (`>> MILLER: …`, or a bare `>>` for one
// not named). A cue without either continues the previous speaker's turn. Consecutive cues of
// one speaker are one statement (a sentence often runs over several cues); its span runs from
// the first cue's words to the last's. Roll-up captions repeat the previous line at the top
// of each cue: the repeat is dropped. HTML entities (`We&apos;re`, `&gt;&gt;`) are decoded.
// A file with no speaker at all is a problem: captions are useless without one (a config
// alias can map "Speaker 1" to a name).

import { decodeEntities } from './entities';
import { matchLabel } from './transcript';
import type { RecordStatement } from './records';

const TIMING = /^\s*(?:(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}\s+-->\s+(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}|\d+:\d{2}:\d{2}\.\d{3},\d+:\d{2}:\d{2}\.\d{3}\s*$)/;
/** A change of speaker in broadcast captions (`>>>` opens a new story, also a new speaker). */
const CHANGE = />>>?[ \t]*/g;
const UNNAMED = '\u0000unnamed';
/** Words a cue must repeat from the end of the turn before it to be taken for a roll-up repeat. */
const ROLL_UP_MIN_WORDS = 3;
const VOICE = /<v(?:\.[\w.-]+)?\s+([^>]+)>/;
const TAG = /<[^>]*>|\{\\[^}]*\}/g;
const QUESTION = '\u0000question';

interface Cue {
  speaker: string | null;
  text: string;
  start: number;
  end: number;
}

export function readCaptions(text: string, format: 'vtt' | 'srt' | 'sbv'): { statements: RecordStatement[]; problems: string[] } {
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
    const endCue = () => {
      if (start >= 0) cues.push({ speaker, text: words.join(' ').replace(/\s+/g, ' ').trim(), start, end });
      words = [];
      start = -1;
    };
    for (const line of payload) {
      const voice = VOICE.exec(line.s);
      if (voice) speaker = voice[1].trim();
      // Entities decoded and tags blanked first: `&gt;&gt;` is a change of speaker too.
      const bare = decodeEntities(line.s.replace(TAG, (m) => ' '.repeat(m.length)));
      // Each `>>` starts a new cue, of a new speaker: the one its label names, else one not named.
      const parts: Array<{ s: string; offset: number; change: boolean }> = [];
      let from = 0;
      let change = false;
      CHANGE.lastIndex = 0;
      for (let m = CHANGE.exec(bare.s); m; m = CHANGE.exec(bare.s)) {
        parts.push({ s: bare.s.slice(from, m.index), offset: from, change });
        from = m.index + m[0].length;
        change = true;
      }
      parts.push({ s: bare.s.slice(from), offset: from, change });
      for (const part of parts) {
        if (part.change) {
          endCue();
          speaker = UNNAMED;
        }
        let s = part.s;
        let offset = part.offset;
        const label = !voice && start < 0 ? matchLabel(s, 0, true, null, true) : null;
        if (label) {
          // "Q:" (a question) and an unmapped "A:" are no one's statements.
          speaker = label.style === 'qa' ? QUESTION : label.text;
          offset += label.contentStart;
          s = s.slice(label.contentStart);
        }
        const content = s.trim().replace(/^-\s+/, '');
        if (!content) continue;
        const at = line.start + bare.raw(offset + s.indexOf(content));
        if (start < 0) start = at;
        end = line.start + bare.raw(offset + s.indexOf(content) + content.length);
        words.push(content);
      }
    }
    endCue();
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
    if (speaker === UNNAMED) {
      unspoken++;
      continue;
    }
    if (current) {
      const added = withoutRepeat(current.text, cue.text);
      if (added) current.text += ` ${added}`;
      current.span.end = cue.end;
    } else {
      current = { speakerText: speaker, text: cue.text, span: { start: cue.start, end: cue.end } };
      statements.push(current);
    }
  }
  if (unspoken > 0) {
    problems.push(`${unspoken} caption cue${unspoken === 1 ? '' : 's'} with no speaker skipped: captions need voice tags (\`<v Name>\`), \`Name:\` labels or \`>> NAME:\` speaker changes`);
  }
  return { statements, problems };
}

/**
 * A cue's words without what it repeats of the turn so far: roll-up captions show the last
 * line again at the top of each cue ("we remain committed to" / "we remain committed to the
 * people of Ukraine"). The longest run of at least ROLL_UP_MIN_WORDS words (or the whole cue)
 * that ends the turn and opens the cue goes.
 */
export function withoutRepeat(turn: string, cue: string): string {
  const cueWords = cue.split(' ');
  const tail = turn.split(' ').slice(-cueWords.length);
  for (let n = Math.min(cueWords.length, tail.length); n > 0; n--) {
    if (n < ROLL_UP_MIN_WORDS && n < cueWords.length) break;
    let same = true;
    for (let k = 0; k < n && same; k++) same = tail[tail.length - n + k].toLowerCase() === cueWords[k].toLowerCase();
    if (same) return cueWords.slice(n).join(' ');
  }
  return cue;
}
