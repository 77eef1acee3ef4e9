// Causes of false alarms found by reading the eval:realnews sample by hand (issue 12,
// docs/realnews-sample.md), each in sentences written for these tests (none from the data).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, Corpus, type Finding } from '../../../server/src/engine';
import { isInflection, isPossessiveOf, numberValue } from '../../../server/src/engine/match/wordClasses';

const records = (rows: Array<Record<string, string>>) => rows.map((r) => JSON.stringify(r)).join('\n');

const corpus = new Corpus();
corpus.addText(
  '/sources/forum.jsonl',
  records([
    { speaker: 'Nadia Ferreira', text: 'After ten years of waiting, the orchard growers deserve a cold storage plant in the valley.', date: '2024-05-02', title: 'Valley forum' },
    { speaker: 'Nadia Ferreira', text: 'Our plan puts $1 billion into irrigation canals and one million trees along the ridge.', date: '2024-05-02', title: 'Valley forum' },
    { speaker: 'Nadia Ferreira', text: 'The drought is SOLVAC’s biggest test since the cooperative was founded by the apple growers.', date: '2024-05-02', title: 'Valley forum' },
    { speaker: 'Nadia Ferreira', text: 'It remind us of this: how fragile the water rights of small farms really are.', date: '2024-05-02', title: 'Valley forum' },
    { speaker: 'Nadia Ferreira', text: 'I have never heard of this before, a canal that flows uphill toward the quarry.', date: '2024-05-02', title: 'Valley forum' },
    { speaker: 'Nadia Ferreira', text: 'Sadly, I remain one of the poorer growers on the whole eastern ridge.', date: '2024-05-02', title: 'Valley forum' },
    { speaker: 'Nadia Ferreira', text: "You've got two quarry owners who've started a water trust, and they are suing the county as we speak.", date: '2024-05-02', title: 'Valley forum' },
  ]),
);

function only(draft: string): Finding {
  const findings = checkText(draft, '/drafts/story.md', corpus, { claims: false }).findings;
  assert.equal(findings.length, 1, `one quote expected in: ${draft}`);
  return findings[0];
}

test('numbers written another way: "10" for "ten" is a warning, not a changed number', () => {
  const f = only('Ferreira said: “After 10 years of waiting, the orchard growers deserve a cold storage plant in the valley.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /same number written another way/);
});

test('numbers written another way: "a billion" and "1 million" for "$1 billion" and "one million"', () => {
  const f = only('Ferreira said: “Our plan puts a billion into irrigation canals and 1 million trees along the ridge.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
});

test('a changed number is still an error', () => {
  const f = only('Ferreira said: “After twelve years of waiting, the orchard growers deserve a cold storage plant in the valley.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'error');
  assert.match(f.message, /number/);
  const g = only('Ferreira said: “Our plan puts $1 billion into irrigation canals and two million trees along the ridge.”');
  assert.equal(g.severity, 'error');
});

test('a possessive written another way ("SOLVAC’" for "SOLVAC’s") is a warning, not a changed name', () => {
  const f = only('Ferreira said: “The drought is SOLVAC’ biggest test since the cooperative was founded by the apple growers.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
});

test('inflection: "reminds" for the transcript\'s "remind" is a warning', () => {
  const f = only('Ferreira said: “It reminds us of this: how fragile the water rights of small farms really are.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /another form of the word/);
});

test('"one" after "this" is a pronoun, not a number: "this one" for "this" is a warning', () => {
  const f = only('Ferreira said: “I have never heard of this one before, a canal that flows uphill toward the quarry.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
});

test('numbers written another way: "a billion dollars" for "$1 billion" is a warning; "$2 billion" is a changed number', () => {
  const f = only('Ferreira said: “Our plan puts a billion dollars into irrigation canals and one million trees along the ridge.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /same number written another way/);
  const g = only('Ferreira said: “Our plan puts two billion dollars into irrigation canals and one million trees along the ridge.”');
  assert.equal(g.severity, 'error');
  // A currency word where the source writes no symbol is a word added.
  const h = only('Ferreira said: “Our plan puts $1 billion into irrigation canals and one million trees dollars along the ridge.”');
  assert.equal(h.severity, 'error');
});

test('inflection: "poor" for the transcript\'s "poorer" is a warning; "richer" is a changed word', () => {
  const f = only('Ferreira said: “I remain one of the poor growers on the whole eastern ridge.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /another form of the word/);
  const g = only('Ferreira said: “I remain one of the richer growers on the whole eastern ridge.”');
  assert.equal(g.severity, 'error');
});

test('"You have … who started" for "You\'ve got … who\'ve started" is a variant (contraction), a changed verb is not', () => {
  const f = only('Ferreira said: “You have two quarry owners who started a water trust, and they are suing the county as we speak.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /contraction/);
  const g = only('Ferreira said: “You have two quarry owners who stopped a water trust, and they are suing the county as we speak.”');
  assert.equal(g.severity, 'error');
  const h = only('Ferreira said: “You have not got two quarry owners who started a water trust, and they are suing the county as we speak.”');
  assert.equal(h.severity, 'error');
});

test('a transcript quoted turn by turn: the label “FERREIRA:” is no word of the quote', () => {
  const f = only('The forum transcript reads: “FERREIRA: After ten years of waiting, the orchard growers deserve a cold storage plant in the valley.”');
  assert.equal(f.verdict, 'verified');
  assert.equal(f.source?.speaker, 'Nadia Ferreira');
  const g = only('The forum transcript reads: “FERREIRA: After ten years of waiting, the orchard growers deserve a cold storage plant on the hill.”');
  assert.equal(g.verdict, 'altered');
  assert.doesNotMatch(g.message, /FERREIRA/);
});

test('word classes: numberValue, isInflection, isPossessiveOf', () => {
  assert.equal(numberValue(['ten']), 10);
  assert.equal(numberValue(['10']), 10);
  assert.equal(numberValue(['1,000']), 1000);
  assert.equal(numberValue(['one', 'thousand']), 1000);
  assert.equal(numberValue(['a', 'trillion']), 1e12);
  assert.equal(numberValue(['twenty', 'five']), 25);
  assert.equal(numberValue(['three', 'hundred', 'and', 'five']), 305);
  assert.equal(numberValue(['a']), null);
  assert.equal(numberValue(['ten', 'apples']), null);
  assert.ok(isInflection('reminds', 'remind'));
  assert.ok(isInflection('apologized', 'apologize'));
  assert.ok(!isInflection('remind', 'remain'));
  assert.ok(isInflection('poorer', 'poor'));
  assert.ok(isInflection('nicest', 'nice'));
  assert.ok(isInflection('happier', 'happy'));
  assert.ok(!isInflection('poorer', 'pure'));
  assert.ok(isPossessiveOf('solvac', "solvac's"));
  assert.ok(!isPossessiveOf('solvac', 'solvacs'));
});

const tweets = new Corpus();
tweets.addText(
  '/sources/tweets.jsonl',
  records([
    { speaker: 'Nadia Ferreira', text: 'Thanks to every volunteer who knocked on doors in the valley this weekend!', date: '2024-05-03', url: 'https://example.org/status/1' },
    { speaker: 'Nadia Ferreira', text: 'We will plant the new orchard rows together next spring, one family at a time.', date: '2024-05-03', url: 'https://example.org/status/2' },
  ]),
);
tweets.addText(
  '/sources/hearing.jsonl',
  records([
    { speaker: 'Nadia Ferreira', text: 'The cold storage plant will be built by the cooperative', date: '2024-06-01', title: 'Hearing' },
    { speaker: 'Tom Abel', text: 'Order, please.', date: '2024-06-01', title: 'Hearing' },
    { speaker: 'Nadia Ferreira', text: 'and paid for by the growers who use it.', date: '2024-06-01', title: 'Hearing' },
  ]),
);

test('two tweets of one account are two remarks, never one run: a quote over both is not verified', () => {
  const draft = 'Ferreira wrote: “Thanks to every volunteer who knocked on doors in the valley this weekend! We will plant the new orchard rows together next spring, one family at a time.”';
  const f = checkText(draft, '/drafts/story.md', tweets, { claims: false }).findings[0];
  assert.notEqual(f.verdict, 'verified');
});

test('turns of one hearing (one date and title) split by an interruption are still one remark', () => {
  const draft = 'Ferreira said: “The cold storage plant will be built by the cooperative and paid for by the growers who use it.”';
  const f = checkText(draft, '/drafts/story.md', tweets, { claims: false }).findings[0];
  assert.equal(f.verdict, 'verified');
});

const debate = new Corpus();
debate.addText(
  '/sources/debate.jsonl',
  records([
    { speaker: 'Dana Whitfield', text: 'Councillor Lopez, your answer? LOPEZ: The harbor budget is a promise this council cannot keep without a bond.', date: '2024-04-01', title: 'Council debate' },
    { speaker: 'Maria Lopez', text: 'I stand by every line of the orchard plan.', date: '2024-04-01', title: 'Council debate' },
  ]),
);

test("a debate record holding another speaker's turn: the words after \"LOPEZ:\" are Lopez's, not the moderator's", () => {
  const draft = 'Lopez said: “The harbor budget is a promise this council cannot keep without a bond.”';
  const f = checkText(draft, '/drafts/story.md', debate, { claims: false }).findings[0];
  assert.equal(f.verdict, 'verified');
  assert.equal(f.source?.speaker, 'Maria Lopez');
});

// Another occasion, and coincidence with a long statement.
const occasions = new Corpus();
const filler = ['city', 'council', 'budget', 'water', 'roads', 'school', 'taxes', 'parks', 'housing', 'buses'];
occasions.addText(
  '/sources/filler.jsonl',
  records(
    Array.from({ length: 100 }, (_, i) => ({
      speaker: `Resident ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))} Voss`,
      text: `Item ${i}: the ${filler[i % 10]} and the ${filler[(i + 3) % 10]} and the ${filler[(i + 6) % 10]} matter to ${filler[(i + 1) % 10]} and ${filler[(i + 8) % 10]} here.`,
    })),
  ),
);
occasions.addText(
  '/sources/debate.jsonl',
  records([
    { speaker: 'Grace Okafor', text: 'We will rebuild the grain elevator at Millbrook before the harvest, and the co-op will own it.', date: '2024-03-01', title: 'Mayoral debate, Millbrook' },
    {
      speaker: 'Grace Okafor',
      text: `${'The city council and the budget for water, roads, school, taxes, parks, housing and buses all matter, and I have said so often. '.repeat(12)}I say it plain. ${'Again the city and the council and the budget and the water and the roads. '.repeat(8)}`,
      date: '2024-03-01',
      title: 'Mayoral debate, Millbrook',
    },
  ]),
);

test('another occasion: a changed quote the draft places at a rally is not an alteration of a debate answer', () => {
  const rally = 'At a rally in Fresno on Sunday, Okafor told the crowd: “We will rebuild the grain elevator at Millbrook before the winter, and the co-op will own it.”';
  const f = checkText(rally, '/drafts/story.md', occasions, { claims: false }).findings[0];
  assert.equal(f.verdict, 'missing');
  assert.notEqual(f.severity, 'error');
  // The same words placed at the debate are an alteration of it.
  const debate = 'At the debate on Friday, Okafor said: “We will rebuild the grain elevator at Millbrook before the winter, and the co-op will own it.”';
  const g = checkText(debate, '/drafts/story.md', occasions, { claims: false }).findings[0];
  assert.equal(g.verdict, 'altered');
  assert.equal(g.severity, 'error');
});

test('coincidence: common context words a long statement holds by chance do not verify a one-word quote', () => {
  const draft = 'On the city council budget for water, roads and school taxes, Okafor called the plan “plain” and moved on.';
  const f = checkText(draft, '/drafts/story.md', occasions, { claims: false }).findings[0];
  assert.notEqual(f.verdict, 'verified');
});

const town = new Corpus();
town.addText(
  '/sources/town.jsonl',
  records([
    { speaker: 'Ruth Castellano', text: 'Okay, we are gonna finish the library roof before the snow, I promise you.', date: '2024-02-01', title: 'Town meeting' },
    { speaker: 'Ruth Castellano', text: 'The mill closed in the spring. People who worked there deserve a pension from the county.', date: '2024-02-01', title: 'Town meeting' },
    { speaker: 'Ruth Castellano', text: 'Honestly, we are ready to leave it there.', date: '2024-02-01', title: 'Town meeting' },
    { speaker: 'Ruth Castellano', text: 'The ferry schedule from Castine changes in March.', date: '2024-02-01', title: 'Town meeting' },
  ]),
);
const townQuote = (draft: string) => checkText(draft, '/drafts/story.md', town, { claims: false }).findings[0];

test('transcript variants: "OK" for "Okay" and "going to" for "gonna" are warnings', () => {
  const f = townQuote('Castellano said: “OK, we are going to finish the library roof before the snow, I promise you.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
});

test('a capital that opens a sentence is no name: "Those" for "People" is a changed word, not a changed name', () => {
  const f = townQuote('Castellano said: “The mill closed in the spring. Those who worked there deserve a pension from the county.”');
  assert.equal(f.verdict, 'altered');
  assert.doesNotMatch(f.message, /\(name\)/);
  // A name inside a sentence is still a name.
  const g = townQuote('Castellano said: “The ferry schedule from Belfast changes in March.”');
  assert.match(g.message, /\(name\)/);
});

test('one word swapped in a short common phrase is another remark as often as an alteration: missing, not altered', () => {
  const f = townQuote('Castellano said: “We are ready to take it there.”');
  assert.equal(f.verdict, 'missing');
  // A word dropped from the same phrase is still an alteration.
  const g = townQuote('Castellano said: “Honestly, we are ready to leave there.”');
  assert.equal(g.verdict, 'altered');
});

// Common phrases of other speakers, and short lines said again on another occasion.
const forum = new Corpus();
forum.addText(
  '/sources/forum-debate.jsonl',
  records([
    { speaker: 'Owen Pratt', text: 'Some say we are at war with the river itself. Is that a fair way to put it?', date: '2024-04-10', title: 'Valley debate' },
    { speaker: 'Nadia Ferreira', text: 'The valley faces a ruthless speculator cartel that buys water rights cheap and sells them dear.', date: '2024-04-10', title: 'Valley debate' },
    { speaker: 'Nadia Ferreira', text: 'Believe me, this is going to be a disaster for the small farms, a total disaster.', date: '2024-04-10', title: 'Valley debate' },
    { speaker: 'Nadia Ferreira', text: 'We will dredge the canal at Millbrook and the county will pay for it.', date: '2024-04-10', title: 'Valley debate' },
    { speaker: 'Nadia Ferreira', text: 'The growers want answers on the pumps, not speeches.', date: '2024-04-10', title: 'Valley debate' },
  ]),
);
const forumQuote = (draft: string) => checkText(draft, '/drafts/story.md', forum, { claims: false }).findings[0];

test('stitched from common phrases: a moderator\'s "we are at war with" and the speaker\'s own words are no stitch', () => {
  const f = forumQuote('Ferreira said: “We are at war with a ruthless speculator cartel,” and left the stage.');
  assert.equal(f.verdict, 'missing');
  assert.notEqual(f.severity, 'error');
  // The speaker's own two statements joined without an ellipsis are still a stitch.
  const g = forumQuote('Ferreira said: “We will dredge the canal at Millbrook, a ruthless speculator cartel that buys water rights cheap.”');
  assert.equal(g.verdict, 'stitched');
});

test('a short line reworded in a fifth of its words, on little evidence, is another occasion as often as an alteration: missing', () => {
  const f = forumQuote('Ferreira said: “This could really be a disaster for small farms.”');
  assert.equal(f.verdict, 'missing');
  assert.equal(f.otherSources[0]?.speaker, 'Nadia Ferreira');
  // One word changed in the same line is still an alteration, and so is a dropped negation.
  const g = forumQuote('Ferreira said: “This is going to be a catastrophe for the small farms.”');
  assert.equal(g.verdict, 'altered');
  assert.equal(g.severity, 'error');
  const h = forumQuote('Ferreira said: “The growers want answers on the pumps, and speeches.”');
  assert.equal(h.verdict, 'altered');
  assert.match(h.message, /negation/);
});

// Misattribution needs words that are one speaker's, not a phrase many say or a report of another's words.
const hearing = new Corpus();
hearing.addText(
  '/sources/hearing-2.jsonl',
  records([
    { speaker: 'Tom Abel', text: 'The mill owner broke his word. He should be ashamed of himself, believe me.', date: '2024-06-01', title: 'Hearing' },
    { speaker: 'Tom Abel', text: 'He should be ashamed of himself, believe me, and the county knows it.', date: '2024-06-02', title: 'Hearing' },
    { speaker: 'Tom Abel', text: 'And the auditor? He should be ashamed of himself, believe me.', date: '2024-06-03', title: 'Hearing' },
    { speaker: 'Tom Abel', text: 'Ferreira says she will "fix every canal in the valley by spring." We will see about that.', date: '2024-06-04', title: 'Hearing' },
    { speaker: 'Tom Abel', text: 'The quarry trucks have cracked every culvert between Millbrook and the county line.', date: '2024-06-05', title: 'Hearing' },
    { speaker: 'Nadia Ferreira', text: 'The orchard growers deserve a cold storage plant.', date: '2024-06-01', title: 'Hearing' },
  ]),
);
const hearingQuote = (draft: string) => checkText(draft, '/drafts/story.md', hearing, { claims: false }).findings[0];

test('a phrase three statements hold word for word is common speech: never misattributed', () => {
  const f = hearingQuote('Ferreira said: “He should be ashamed of himself, believe me.”');
  assert.equal(f.verdict, 'missing');
  assert.notEqual(f.severity, 'error');
  // Words only one statement holds are still misattributed.
  const g = hearingQuote('Ferreira said: “The quarry trucks have cracked every culvert between Millbrook and the county line.”');
  assert.equal(g.verdict, 'misattributed');
});

test("a statement that reports another's words (says … “…”) is no evidence that the words are its speaker's", () => {
  const f = hearingQuote('Councillor Kessler said: “Ferreira says she will fix every canal in the valley by spring.”');
  assert.equal(f.verdict, 'missing');
  assert.notEqual(f.severity, 'error');
});

test('a tweet quoted whole without its trailing link is quoted whole: verified, however short', () => {
  const feed = new Corpus();
  feed.addText(
    '/sources/feed.jsonl',
    records([
      { speaker: 'Nadia Ferreira', text: 'Thank you, Millbrook! https://t.co/Xa81bQ2 https://t.co/k2Pq0', date: '2024-05-03', url: 'https://example.org/status/3' },
      { speaker: 'Nadia Ferreira', text: 'Thank you, Millbrook, for a great rally tonight! https://t.co/Zz19', date: '2024-05-04', url: 'https://example.org/status/4' },
      { speaker: 'Tom Abel', text: 'The ferry runs late again.', date: '2024-05-04', url: 'https://example.org/status/5' },
    ]),
  );
  const f = checkText('Ferreira tweeted: “Thank you, Millbrook!”', '/drafts/story.md', feed, { claims: false }).findings[0];
  assert.equal(f.verdict, 'verified');
  assert.match(f.source?.text ?? '', /^Thank you, Millbrook! https/);
});

const rally = new Corpus();
rally.addText(
  '/sources/rally.jsonl',
  records([
    { speaker: 'Ruth Castellano', text: 'There is nothing, nothing that this valley cannot build together.', date: '2024-02-01', title: 'Town meeting' },
    { speaker: 'Ruth Castellano', text: 'The auditor did his best and I was unsatisfied with the report on the canal.', date: '2024-02-01', title: 'Town meeting' },
  ]),
);
const rallyQuote = (draft: string) => checkText(draft, '/drafts/story.md', rally, { claims: false }).findings[0];

test('a word said once more than the transcript has it, beside itself, is a variant: a warning, not an added negation', () => {
  const f = rallyQuote('Castellano said: “There is nothing, nothing, nothing that this valley cannot build together.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  assert.doesNotMatch(f.message, /negation/);
  const g = rallyQuote('Castellano said: “There is nothing, not nothing that this valley cannot build together.”');
  assert.equal(g.severity, 'error');
});

test('"wasn\'t satisfied" for "was unsatisfied" is one negation written two ways: a warning', () => {
  const f = rallyQuote('Castellano said: “The auditor did his best and I wasn’t satisfied with the report on the canal.”');
  assert.equal(f.verdict, 'altered');
  assert.equal(f.severity, 'warning');
  const g = rallyQuote('Castellano said: “The auditor did his best and I was satisfied with the report on the canal.”');
  assert.equal(g.severity, 'error');
});
