// SPEC §5, "Evidence before accusation" (issue 12): each cause of a false alarm on real news,
// in sentences written for these tests (none from the data sets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, Corpus, type Finding } from '../../../server/src/engine';

const records = (rows: Array<Record<string, string>>) => rows.map((r) => JSON.stringify(r)).join('\n');

const corpus = new Corpus();
// A town-hall transcript, one record a turn: the mayor's answer is split by a heckler.
corpus.addText(
  '/sources/townhall.jsonl',
  records([
    { speaker: 'Rosa Delgado', text: 'We are going to rebuild the ferry terminal before the flood season, and the county will pay for the new pumps.' },
    { speaker: 'Rosa Delgado', text: 'I never promised a toll-free bridge, and I will not promise one now.' },
    { speaker: 'Rosa Delgado', text: 'The harbor dredging has been delayed for eleven years because nobody in Salem wanted to sign the permit' },
    { speaker: 'Heckler', text: 'Shame!' },
    { speaker: 'Rosa Delgado', text: 'and that is why I signed it myself on my first morning in office.' },
    { speaker: 'Rosa Delgado', text: 'I apologized to the fishermen whose boats were stranded last winter.' },
    { speaker: 'Rosa Delgado', text: 'Nobody should run a port without — without listening to the people who work on the water.' },
    { speaker: 'Rosa Delgado', text: 'My staff answered every e-mail the harbor pilots sent about the silt.' },
    { speaker: 'Rosa Delgado', text: 'People tell me to say it soft, but I say it plain: the canal locks are rotting.' },
    { speaker: 'Rosa Delgado', text: 'Our budget puts forty million dollars into seawalls, more than the last three mayors combined.' },
    { speaker: 'Owen Pratt', text: 'Moderator: Mayor, last spring you said the canal locks are rotting and nobody fixed them. Why?' },
    { speaker: 'Owen Pratt', text: 'Thank you for coming out tonight, everybody.' },
    { speaker: 'Owen Pratt', text: 'I am a big supporter of the marina expansion plan and the new boardwalk.' },
  ]),
);
// Two people with one surname; a statement with its own date, url and title.
corpus.addText(
  '/sources/posts.jsonl',
  records([
    {
      speaker: 'Martin Kessler',
      text: 'The tramway extension will open in May with twelve new stations along the river.',
      date: '2025-02-11',
      url: 'https://example.org/posts/41',
      title: 'Post by Martin Kessler',
    },
    { speaker: 'Ilse Kessler', text: 'Our foundation funds reading clubs in every public library of the district.' },
  ]),
);

function only(draft: string): Finding {
  const findings = checkText(draft, '/drafts/story.md', corpus, { claims: false }).findings;
  assert.equal(findings.length, 1, `one quote expected in: ${draft}`);
  return findings[0];
}

test('loose match: a short phrase shared with another speaker is missing, never misattributed', () => {
  const f = only('Councillor Vance said: “I am a big supporter of the plan.”');
  assert.equal(f.verdict, 'missing');
  assert.notEqual(f.severity, 'error');
});

test('loose match: the closest statement is information beside a missing quote, not its source', () => {
  const f = only('Delgado said: “We are going to rebuild the library before the school year.”');
  assert.equal(f.verdict, 'missing');
  assert.equal(f.source, null);
  assert.equal(f.otherSources.length, 1);
  assert.match(f.otherSources[0].text, /ferry terminal/);
  assert.match(f.message, /closest statement is another remark/);
});

test('coincidence: a one-word quote the speaker also said elsewhere is not verified without the context', () => {
  const f = only('At the rally Delgado called the crowd “plain” and left early.');
  assert.equal(f.verdict, 'missing');
  assert.equal(f.severity, 'information');
});

test('coincidence: the draft’s surrounding words choose the statement of a short quote', () => {
  const f = only('The canal locks are in a bad way, and Delgado said she would put it “plain.”');
  assert.equal(f.verdict, 'verified');
  assert.match(f.source!.text, /canal locks are rotting/);
});

test('speaker resolution: words of someone the context names are theirs when the speaker was only inferred', () => {
  const f = only('Owen Pratt, the moderator, opened the evening. “Thank you for coming out tonight, everybody,” he said.');
  assert.equal(f.verdict, 'verified');
  const g = only('Owen Pratt pressed the mayor on the docks. Delgado smiled. “Thank you for coming out tonight, everybody,” she said.');
  assert.notEqual(g.verdict, 'misattributed', 'Pratt is named in the context: the pronoun, not the writer, went wrong');
});

test('a moderator quoting a candidate is no evidence the candidate’s words are the moderator’s', () => {
  const f = only('Councillor Vance said last spring that “the canal locks are rotting and nobody fixed them.”');
  assert.notEqual(f.verdict, 'misattributed');
});

test('transcript variants: another form of a word is a warning, not an error', () => {
  const f = only('Delgado said: “I apologize to the fishermen whose boats were stranded last winter.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /another form of the word/);
});

test('transcript variants: “email” for “e-mail” is a spelling, a warning', () => {
  const f = only('Delgado said: “My staff answered every email the harbor pilots sent about the silt.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
});

test('a speaker’s repeated word left out is a hint on a verified quote, and “without” is no negation', () => {
  const f = only('Delgado said: “Nobody should run a port without listening to the people who work on the water.”');
  assert.equal(f.verdict, 'verified');
  assert.equal(f.severity, 'hint');
  assert.doesNotMatch(f.message, /negation/);
});

test('split quote: fragments of one remark, a negation between them is no change', () => {
  const f = only('“I never promised a toll-free bridge,” Delgado said, adding: “I will not promise one now.”');
  assert.equal(f.verdict, 'verified');
  const g = only('“We are going to rebuild the ferry terminal,” Delgado said, “and the county will pay for the new pumps.”');
  assert.equal(g.verdict, 'verified');
});

test('a quote over two turns of one speaker, split by an interruption, is one remark', () => {
  const f = only('Delgado said: “nobody in Salem wanted to sign the permit and that is why I signed it myself on my first morning in office.”');
  assert.equal(f.verdict, 'verified');
  assert.equal(f.otherSources.length, 1);
  assert.match(f.otherSources[0].text, /first morning/);
});

test('heavy edits: five or more words dropped without an ellipsis are an alteration', () => {
  const f = only('Delgado said: “We are going to rebuild the ferry terminal county will pay for the new pumps.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /dropped/);
});

test('heavy edits: a phrase moved is an alteration', () => {
  const f = only('Delgado said: “before the flood season, we are going to rebuild the ferry terminal.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /reorders/);
});

test('heavy edits: the opening of one statement joined to the close of another is stitched', () => {
  const f = only('Delgado said: “We are going to rebuild the ferry terminal before the boats were stranded last winter.”');
  assert.equal(f.verdict, 'stitched');
  assert.equal(f.otherSources.length, 1);
});

test('one person under two names (Kessler, where the corpus has two) is never misattributed to them', () => {
  const f = only('Kessler said: “The tramway extension will open in May with twelve new stations along the river.”');
  assert.equal(f.verdict, 'verified');
  assert.equal(f.source?.speaker, 'Martin Kessler');
});

test('bug: a record’s own date, url and title reach the finding’s source', () => {
  const f = only('Martin Kessler said: “The tramway extension will open in May with twelve new stations along the river.”');
  assert.equal(f.source?.date, '2025-02-11');
  assert.equal(f.source?.url, 'https://example.org/posts/41');
  assert.equal(f.source?.title, 'Post by Martin Kessler');
});

test('claims: no misattributed claim without another speaker’s statement that says the same thing', () => {
  const claims = (draft: string) => checkText(draft, '/drafts/story.md', corpus).findings.filter((x) => x.kind === 'claim');
  const loose = claims('Councillor Vance said the marina plan would bring new jobs to the harbor.');
  assert.equal(loose.length, 1);
  assert.notEqual(loose[0].verdict, 'misattributed');
  const same = claims('Councillor Vance said the foundation funds reading clubs in every public library of the district.');
  assert.equal(same.length, 1);
  assert.equal(same[0].verdict, 'misattributed');
});
