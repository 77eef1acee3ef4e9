import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../../server/src/engine';

const quotes = (text: string, format: 'markdown' | 'plaintext' = 'markdown') => extractQuotes(text, { format }).map((q) => ({ text: q.text, speaker: q.speaker?.text ?? null }));

test('straight, typographic, guillemet and low-high marks, and a mix of them', () => {
  assert.deepEqual(quotes('"We will rebuild the bridge," Mayor Ana Ruiz said.'), [{ text: 'We will rebuild the bridge,', speaker: 'Mayor Ana Ruiz' }]);
  assert.deepEqual(quotes('“We will rebuild the bridge,” Mayor Ana Ruiz said.'), [{ text: 'We will rebuild the bridge,', speaker: 'Mayor Ana Ruiz' }]);
  assert.deepEqual(quotes('«We will rebuild the bridge», Mayor Ana Ruiz said.'), [{ text: 'We will rebuild the bridge', speaker: 'Mayor Ana Ruiz' }]);
  assert.deepEqual(quotes('„We will rebuild the bridge“, Mayor Ana Ruiz said.'), [{ text: 'We will rebuild the bridge', speaker: 'Mayor Ana Ruiz' }]);
  assert.deepEqual(quotes('Ruiz said the plan "is fully funded.”'), [{ text: 'is fully funded.', speaker: 'Ruiz' }]);
});

test('single marks make quotes only where a paragraph has no double marks (British style)', () => {
  assert.deepEqual(quotes('‘We will rebuild the bridge,’ Mayor Ana Ruiz said.'), [{ text: 'We will rebuild the bridge,', speaker: 'Mayor Ana Ruiz' }]);
  assert.deepEqual(quotes("Ruiz said the council's plan isn't ready and the residents' patience is thin."), []);
});

test('a quote inside a quote stays inside the outer quote', () => {
  assert.deepEqual(quotes('“They told us ‘the bridge is safe,’ and it was not,” Ruiz said.'), [{ text: 'They told us ‘the bridge is safe,’ and it was not,', speaker: 'Ruiz' }]);
});

test('a quote split by its attribution is one quote of two fragments', () => {
  const [q] = extractQuotes('“We will rebuild the bridge,” Ruiz said, “and we will do it this year.”');
  assert.equal(q.fragments.length, 2);
  assert.equal(q.speaker?.text, 'Ruiz');
  assert.equal(q.text, 'We will rebuild the bridge, and we will do it this year.');
});

test('attribution before, after and inverted; according to; told; in a statement', () => {
  assert.deepEqual(quotes('Ruiz told reporters: “The bridge opens in May.”'), [{ text: 'The bridge opens in May.', speaker: 'Ruiz' }]);
  assert.deepEqual(quotes('“The bridge opens in May,” said Mayor Ana Ruiz.'), [{ text: 'The bridge opens in May,', speaker: 'Mayor Ana Ruiz' }]);
  assert.deepEqual(quotes('In a statement, the Transport Department said the bridge “opens in May.”'), [{ text: 'opens in May.', speaker: 'the Transport Department' }]);
  assert.deepEqual(quotes('According to the city engineer, the bridge “will carry 40,000 cars a day.”'), [{ text: 'will carry 40,000 cars a day.', speaker: 'the city engineer' }]);
  assert.deepEqual(quotes('Ruiz wrote on Twitter that the bridge “opens in May.”'), [{ text: 'opens in May.', speaker: 'Ruiz' }]);
  assert.deepEqual(quotes('“The bridge opens in May,” Ruiz later told the council.'), [{ text: 'The bridge opens in May,', speaker: 'Ruiz' }]);
});

test('pronouns and role nouns resolve to the nearest fitting speaker before them', () => {
  const text = [
    'Transport Secretary Paul Okafor visited the site on Monday with Mayor Ana Ruiz.',
    '',
    'Okafor said the work was on schedule. “We will open in May,” he said.',
    '',
    '“The money is there,” the secretary added.',
    '',
    'A city spokesperson said the mayor was pleased. “It is a good day,” the spokesperson said.',
  ].join('\n');
  assert.deepEqual(quotes(text), [
    { text: 'We will open in May,', speaker: 'Okafor' },
    { text: 'The money is there,', speaker: 'Transport Secretary Paul Okafor' },
    { text: 'It is a good day,', speaker: 'A city spokesperson' },
  ]);
});

test('a quote running over paragraphs: opening mark repeated, no closing mark at the paragraph end', () => {
  const text = '“We will rebuild the bridge. We have the money.\n\n“And we will open it in May,” Ruiz said.';
  const [q, ...rest] = extractQuotes(text);
  assert.equal(rest.length, 0);
  assert.equal(q.fragments.length, 2);
  assert.equal(q.speaker?.text, 'Ruiz');
  assert.equal(q.text, 'We will rebuild the bridge. We have the money. And we will open it in May,');
});

test('Markdown block quotes are quotes, with the attribution line before or after', () => {
  const before = 'Ruiz said:\n\n> We will rebuild the bridge and open it in May.\n';
  assert.deepEqual(quotes(before), [{ text: 'We will rebuild the bridge and open it in May.', speaker: 'Ruiz' }]);
  const after = '> We will rebuild the bridge and open it in May.\n\n— Mayor Ana Ruiz\n';
  assert.deepEqual(quotes(after), [{ text: 'We will rebuild the bridge and open it in May.', speaker: 'Mayor Ana Ruiz' }]);
});

test('anonymous sources and organisations are speakers', () => {
  assert.deepEqual(quotes('“The deal is dead,” a senior European diplomat said.'), [{ text: 'The deal is dead,', speaker: 'a senior European diplomat' }]);
  assert.deepEqual(quotes('The Transport Department said the bridge “is safe.”'), [{ text: 'is safe.', speaker: 'The Transport Department' }]);
});

test('not quotes: scare quotes, short terms with no cue, titles, a later phrase after a cue', () => {
  assert.deepEqual(quotes('The so-called “deal” fell apart.'), []);
  assert.deepEqual(quotes('It was a “bridge to nowhere” for years.'), []);
  assert.deepEqual(quotes('She watched “The Bridge on the River Kwai” again.'), []);
  assert.deepEqual(quotes('Ruiz said the bridge “opens in May,” a date the “experts” doubt.'), [{ text: 'opens in May,', speaker: 'Ruiz' }]);
  // A scare-quote marker wins over a cue earlier in the sentence.
  assert.deepEqual(quotes('The bridge has “hit a snag,” a city engineer said, and the so-called\n“relief road” is not built.'), [{ text: 'hit a snag,', speaker: 'a city engineer' }]);
});

test('unbalanced marks yield no quote and no error', () => {
  assert.deepEqual(quotes('“We will rebuild the bridge, Ruiz said.\n\nThe next paragraph has no marks.'), []);
  assert.deepEqual(quotes('He said ” oops and “ and " and ” again.'), []);
});

test('a long quotation standing alone continues the speaker named before it', () => {
  const text = 'Ruiz said the city was ready. “We will rebuild the bridge, and we will do it this year.”';
  assert.deepEqual(quotes(text), [{ text: 'We will rebuild the bridge, and we will do it this year.', speaker: 'Ruiz' }]);
});

test('speaker phrases with an apposition or a party tag; listeners are not speakers', () => {
  assert.deepEqual(quotes('“The bridge opens in May,” Ana Ruiz, the city’s mayor, said.'), [{ text: 'The bridge opens in May,', speaker: 'Ana Ruiz' }]);
  assert.deepEqual(quotes('Sen. Ann Ortiz (D-Ore.) told reporters the bridge “opens in May.”'), [{ text: 'opens in May.', speaker: 'Sen. Ann Ortiz' }]);
});

test('a question or exclamation before the cue; participles; a short follow-on sentence', () => {
  assert.deepEqual(quotes('“Is that all there is?” Ruiz asked.'), [{ text: 'Is that all there is?', speaker: 'Ruiz' }]);
  assert.deepEqual(quotes('Ruiz dismissed the report, saying “the bridge opens in May.”'), [{ text: 'the bridge opens in May.', speaker: 'Ruiz' }]);
  assert.deepEqual(quotes('“We will open in May,” Ruiz said. “No doubt.”'), [
    { text: 'We will open in May,', speaker: 'Ruiz' },
    { text: 'No doubt.', speaker: 'Ruiz' },
  ]);
});

test('markup pasted into plain text is not quoted speech', () => {
  assert.deepEqual(quotes('<tweet id="123" author="someone">A tweet</tweet> was posted.', 'plaintext'), []);
});
