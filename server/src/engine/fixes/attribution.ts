// "Attribute to X": offered only where the draft names a person by name and the words are that
// other speaker's, word for word. A second reference ("the President", "he", "a senior
// official") is the draft's house style, not an error to rewrite; and a name the corpus would
// not resolve back to the statement's speaker would not fix anything.
import type { Corpus } from '../corpus/corpus';
import type { ExtractedQuote, Fix } from '../types';
import { readSpeakerPhrase } from '../extract/speakerPhrase';

export function attributionFix(corpus: Corpus, text: string, quote: ExtractedQuote, statementId: number, anchor: number): Fix | null {
  const span = quote.speakerSpan;
  if (!span || !quote.speaker || quote.speaker.resolvedFrom) return null;
  const written = text.slice(span.start, span.end);
  if (readSpeakerPhrase(written).kind !== 'person') return null;
  const real = corpus.speakers.canonical(corpus.speakerOf(statementId));
  const name = corpus.speakers.speaker(real).name;
  if (written === name || /["“”„«»\n\r]/.test(name) || corpus.speakers.resolve(name) !== real) return null;
  // At a sentence's start the name takes a capital ("The White House said").
  const opensSentence = /(^|[.!?]["”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, span.start - 4), span.start));
  const newText = opensSentence ? name.charAt(0).toUpperCase() + name.slice(1) : name;
  return {
    kind: 'attribution',
    title: `Attribute to ${name} (the source's speaker)`,
    edits: [{ at: { start: span.start - anchor, end: span.end - anchor }, newText }],
  };
}
