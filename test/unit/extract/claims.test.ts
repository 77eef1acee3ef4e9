// Attributed claims (indirect speech), SPEC §1 and §3: only with { claims: true }.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../../server/src/engine';

const claims = (text: string) =>
  extractQuotes(text, { format: 'plaintext', claims: true })
    .filter((q) => q.kind === 'claim')
    .map((q) => ({ text: q.text, speaker: q.speaker?.text ?? null }));

test('claims are off by default', () => {
  assert.deepEqual(
    extractQuotes('Mayor Ana Ruiz said the ferry would run again by June.').filter((q) => q.kind === 'claim'),
    [],
  );
});

test('X said (that) CONTENT; X told Y (that) CONTENT', () => {
  assert.deepEqual(claims('Mayor Ana Ruiz said the ferry would run again by June.'), [{ text: 'the ferry would run again by June', speaker: 'Mayor Ana Ruiz' }]);
  assert.deepEqual(claims('Ruiz told reporters on Monday that the ferry would run again by June.'), [{ text: 'that the ferry would run again by June', speaker: 'Ruiz' }]);
});

test('CONTENT, X said; CONTENT, said X; the content split by the attribution', () => {
  assert.deepEqual(claims('The ferry will run again by June, Ruiz said on Monday.'), [{ text: 'The ferry will run again by June', speaker: 'Ruiz' }]);
  assert.deepEqual(claims('The ferry will run again by June, said Ana Ruiz, the mayor.'), [{ text: 'The ferry will run again by June', speaker: 'Ana Ruiz' }]);
  const [split] = extractQuotes('The ferry, Ruiz said, will run again by June.', { format: 'plaintext', claims: true });
  assert.equal(split.kind, 'claim');
  assert.equal(split.fragments.length, 2);
  assert.equal(split.speaker?.text, 'Ruiz');
});

test('according to X, CONTENT and CONTENT, according to X', () => {
  assert.deepEqual(claims('According to the port authority, the ferry will run again by June.'), [{ text: 'the ferry will run again by June', speaker: 'the port authority' }]);
  assert.deepEqual(claims('The ferry will run again by June, according to the port authority.'), [{ text: 'The ferry will run again by June', speaker: 'the port authority' }]);
});

test('a pronoun source resolves like a quote speaker; a quotation is not a claim; a clause is not a source', () => {
  const text = 'Ana Ruiz said the ferry was safe.\n\nShe said the port would reopen in the spring.';
  assert.deepEqual(
    claims(text).map((c) => c.speaker),
    ['Ana Ruiz', 'Ana Ruiz'],
  );
  assert.deepEqual(claims('Ruiz said: “The ferry will run again by June.”'), []);
  assert.deepEqual(claims('Mr. Lee, who runs the ferry, said Ruiz had misled the council.'), [{ text: 'Ruiz had misled the council', speaker: 'Mr. Lee' }]);
});

test('verbs of intent take an infinitive as the claim; "called for" takes its object', () => {
  assert.deepEqual(claims('Mayor Ana Ruiz has vowed to reopen the ferry terminal before the summer.'), [{ text: 'to reopen the ferry terminal before the summer', speaker: 'Mayor Ana Ruiz' }]);
  assert.deepEqual(claims('Ruiz called for an independent audit of the harbor accounts.'), [{ text: 'an independent audit of the harbor accounts', speaker: 'Ruiz' }]);
  // an object is not a claim
  assert.deepEqual(claims('Ruiz wants the job badly.'), []);
});

test('the progressive and a participle after a comma are cues of a claim', () => {
  assert.deepEqual(
    claims('Ana Ruiz is warning residents that the ferry fares will double in May.').map((c) => c.speaker),
    ['Ana Ruiz'],
  );
  assert.deepEqual(claims('Ana Ruiz closed the depot on Monday, saying the buses were no longer safe to drive.'), [{ text: 'the buses were no longer safe to drive', speaker: 'Ana Ruiz' }]);
});

test('"who have argued" and a long place phrase before "that"', () => {
  assert.deepEqual(
    claims('Some harbor pilots, who have long argued that the channel is too shallow for tankers, oppose the plan.').map((c) => c.speaker),
    ['Some harbor pilots'],
  );
  assert.deepEqual(claims('Ruiz says at a rally in Dover, Delaware, that the toll will end in June.'), [{ text: 'that the toll will end in June', speaker: 'Ruiz' }]);
});

test('CONTENT, X has learned; two speakers in one sentence give two claims', () => {
  assert.deepEqual(claims('The ferry company is losing money on every crossing, the Harbor Gazette has learned.'), [
    { text: 'The ferry company is losing money on every crossing', speaker: 'the Harbor Gazette' },
  ]);
  assert.deepEqual(claims('Ruiz said the toll would end in June, but Lee argued it would last another year.'), [
    { text: 'the toll would end in June', speaker: 'Ruiz' },
    { text: 'it would last another year', speaker: 'Lee' },
  ]);
});

test('a speaker with an apposition that opens with "But" or holds a relative clause', () => {
  assert.deepEqual(claims('But Lena Ortiz, a lecturer in marine biology at the Coastal Institute, said the reef was recovering.'), [{ text: 'the reef was recovering', speaker: 'Lena Ortiz' }]);
  assert.deepEqual(
    claims('The Harbor Board, the body that licenses the ferries, said it would review every timetable.').map((c) => c.speaker),
    ['The Harbor Board'],
  );
});

test('CONTENT, said X, a long apposition: the content is before the cue, the speaker the name', () => {
  assert.deepEqual(claims('Fares on the night ferry rose by a third over two winters, said Paolo Reyes, an analyst with the transit council that audits the port.'), [
    { text: 'Fares on the night ferry rose by a third over two winters', speaker: 'Paolo Reyes' },
  ]);
});

test('a subject with prepositional phrases, a dash aside or a scene-setting opening without a comma', () => {
  assert.deepEqual(claims('Fishermen in Maine and along the Canadian coast say the quota is far too low.'), [{ text: 'the quota is far too low', speaker: 'Fishermen' }]);
  assert.deepEqual(claims('The minutes of the meeting – released by the clerk on Friday – show that the vote was never counted.'), [
    { text: 'that the vote was never counted', speaker: 'The minutes' },
  ]);
  assert.deepEqual(claims('At a town hall with dairy farmers in Vermont Ortiz said that the subsidy would stay.'), [{ text: 'that the subsidy would stay', speaker: 'Ortiz' }]);
  assert.deepEqual(
    claims('At a town hall in Vermont Governor Lena Ortiz said that the subsidy would stay.').map((c) => c.speaker),
    ['Governor Lena Ortiz'],
  );
});

test('"all agreed", a second verb after "and", "by telling", "As X pointed out,", an opening before "X say,"', () => {
  assert.deepEqual(claims('By the end of the hearing, all agreed that the levy had been set too high.'), [{ text: 'that the levy had been set too high', speaker: null }]); // "all" names no one (issue 15): the claim stays, with no speaker
  assert.deepEqual(claims('Ortiz thanked the volunteers and said the shelter would stay open all winter.'), [{ text: 'the shelter would stay open all winter', speaker: 'Ortiz' }]);
  assert.deepEqual(
    claims('Ortiz won over the crowd by telling them that the plant would hire locally.').map((c) => c.text),
    ['that the plant would hire locally'],
  );
  assert.deepEqual(claims('As one harbor pilot pointed out on Tuesday, the channel has not been dredged in a decade.'), [
    { text: 'the channel has not been dredged in a decade', speaker: 'one harbor pilot' },
  ]);
  assert.deepEqual(claims('But in recent weeks, aides to the governor say, the budget talks have stalled completely.'), [
    { text: 'the budget talks have stalled completely', speaker: 'aides to the governor' },
  ]);
});

test('a Title Case headline, "X reports that", and a clause after the verb is not a parenthetical attribution', () => {
  assert.deepEqual(claims('Ortiz Says The Harbor Will Reopen Before The Summer'), [{ text: 'The Harbor Will Reopen Before The Summer', speaker: 'Ortiz' }]);
  assert.deepEqual(claims('Quoting port officials, the Harbor Gazette reports that the dredging will cost twice the estimate.'), [
    { text: 'that the dredging will cost twice the estimate', speaker: 'the Harbor Gazette' },
  ]);
  // "…, the council has denied it happened, with …" is not "CONTENT, X said, CONTENT": the opening is no claim
  const texts = claims('Even after the photographs surfaced, the council has denied it happened, with the mayor calling the story absurd.').map((c) => c.text);
  assert.ok(!texts.some((t) => t.startsWith('Even after')), JSON.stringify(texts));
  assert.deepEqual(claims('The terminal, Ortiz said on Monday, will reopen in May.'), [{ text: 'The terminal will reopen in May', speaker: 'Ortiz' }]);
});

test('a "that" at the end of the content is a pronoun, not the start of the claim', () => {
  assert.deepEqual(claims('Engineers at the yard said the new locks could change that.'), [{ text: 'the new locks could change that', speaker: 'Engineers' }]);
  assert.deepEqual(claims('Ortiz told her the budget would never allow that.'), [{ text: 'the budget would never allow that', speaker: 'Ortiz' }]);
});

test('parenthetical attributions in the present, adverbs before the cue, a date after an apposed speaker', () => {
  assert.deepEqual(claims('Even at best, the authors write, the new port will lose money for a decade.'), [{ text: 'the new port will lose money for a decade', speaker: 'the authors' }]);
  assert.deepEqual(
    claims('The council could have blocked the sale, critics argue, perhaps by refusing the permit outright.').map((c) => c.speaker),
    ['critics'],
  );
  assert.deepEqual(claims('Some are quietly saying the mayor will not run again.'), [{ text: 'the mayor will not run again', speaker: null }]); // "Some" names no one (issue 15)
  assert.deepEqual(
    claims('The session ended early, as the three bidders largely agreed that the deadline was too tight.').map((c) => c.speaker),
    ['the three bidders'],
  );
  assert.deepEqual(
    claims('Sen. Ana Holly said the bridge was safe.').map((c) => c.speaker),
    ['Sen. Ana Holly'],
  );
  assert.deepEqual(claims("Oregon's treasurer, Lena Ortiz, a Democrat, said Tuesday that she had voted for the levy."), [{ text: 'that she had voted for the levy', speaker: 'Lena Ortiz' }]);
});

test('"called X a Y" and a listener inside a parenthetical attribution', () => {
  assert.deepEqual(claims('Ortiz has called the toll a tax on working families.'), [{ text: 'the toll a tax on working families', speaker: 'Ortiz' }]);
  assert.deepEqual(claims('The difference now, Ortiz told me on Friday, is that the port pays its own way.'), [{ text: 'The difference now is that the port pays its own way', speaker: 'Ortiz' }]);
});

test('no claim from nouns that look like cues, "percentage points", or the attribution of a quotation', () => {
  assert.deepEqual(claims('The interests of member states outweigh everything else at the council.'), []);
  assert.deepEqual(claims('The levy would fall by four percentage points each year until it reached ten percent.'), []);
  assert.deepEqual(claims('The two hosts taped an hourlong show that aired on Thursday.'), []);
  assert.deepEqual(claims('They made plans to build a second pier before the winter.'), []);
  assert.deepEqual(claims('“The harbor will be ready,” Ortiz said during a visit to the docks in Lowell.'), []);
  // a named subject keeps "states" a verb
  assert.deepEqual(claims('Ortiz states that the pier will open in May.'), [{ text: 'that the pier will open in May', speaker: 'Ortiz' }]);
});

test('groups of people as sources, a listener after an attribution that follows its content, "a report indicates"', () => {
  assert.deepEqual(
    claims('But dredging specialists say the channel will silt up again within a year.').map((c) => c.speaker),
    ['dredging specialists'],
  );
  assert.deepEqual(claims('The harder question is whether the pier can pay for itself, people close to the mayor say.'), [
    { text: 'The harder question is whether the pier can pay for itself', speaker: 'people close to the mayor' },
  ]);
  assert.deepEqual(
    claims('The fleet includes two new ferries for the island run, Harbor Master Ana Ortiz told a council panel Wednesday.').map((c) => c.text),
    ['The fleet includes two new ferries for the island run'],
  );
  assert.deepEqual(
    claims('The crane operator had worked a double shift before the accident, a safety report indicates.').map((c) => c.speaker),
    ['a safety report'],
  );
  assert.deepEqual(
    claims('Economists predict two more rate rises before the summer.').map((c) => c.speaker),
    ['Economists'],
  );
});

test('claims carried by a noun with a named source, "isn\'t saying if", ", even suggesting", "point to"', () => {
  assert.deepEqual(claims('Ortiz is seizing upon a Harbor Gazette report that the pier had lost money for a decade.'), [
    { text: 'that the pier had lost money for a decade', speaker: 'Harbor Gazette' },
  ]);
  assert.deepEqual(claims("Critics dismissed Ortiz's claim that the ferry would pay for itself."), [{ text: 'that the ferry would pay for itself', speaker: 'Ortiz' }]);
  // an unowned noun names no one to check against
  assert.deepEqual(claims('The report that the pier had lost money was never published.'), []);
  assert.deepEqual(claims("But Attorney General Ana Ortiz isn't saying if the harbor board broke any rules."), [
    { text: 'if the harbor board broke any rules', speaker: 'Attorney General Ana Ortiz' },
  ]);
  assert.deepEqual(
    claims('The mayor complained about the audit on Monday, even suggesting it may have been rigged.').map((c) => c.text),
    ['it may have been rigged'],
  );
  assert.deepEqual(
    claims('These voters specifically point to the 1994 harbor bill, which closed the old docks.').map((c) => c.speaker),
    ['These voters'],
  );
});

test('"who said": the noun phrase before it speaks, and a relative clause between commas ends at its comma', () => {
  assert.deepEqual(claims('The last question came from a young pilot, who said she had flown the route for a decade.'), [{ text: 'she had flown the route for a decade', speaker: 'a young pilot' }]);
  assert.deepEqual(claims('Some harbor pilots, who have long argued that the channel is too shallow for tankers, oppose the plan.'), [
    { text: 'that the channel is too shallow for tankers', speaker: 'Some harbor pilots' },
  ]);
});

test('a speaker named after lower-case modifiers', () => {
  assert.deepEqual(
    claims('longtime harbor pilot Ana Ruiz told the board on Thursday that the channel was silting up.').map((c) => c.speaker),
    ['longtime harbor pilot Ana Ruiz'],
  );
});

test('a verb phrase before a cue is not a speaker', () => {
  assert.deepEqual(claims('Readers may not let editorials tell them how to vote, but they care enough to respond.'), []);
});

test('the attribution of a quotation is no claim, nor an imperative or a question; "declined to say" keeps the name', () => {
  assert.deepEqual(claims('“The pier is finished,” Harbor Master Ana Ortiz told reporters after the meeting broke up.'), []);
  assert.deepEqual(claims('Now tell us this is not a waste of harbor money!'), []);
  assert.deepEqual(claims('Do you know where the harbor accounts are?'), []);
  assert.deepEqual(
    claims('Ortiz declined to say whether the pier would reopen in May.').map((c) => c.speaker),
    ['Ortiz'],
  );
});

test('shares of a group as sources, "said on Friday she …", "…, said several observers", "“…” and said"', () => {
  assert.deepEqual(
    claims('In Vermont, about half of the harbor pilots said they want the channel dredged.').map((c) => c.speaker),
    ['about half of the harbor pilots'],
  );
  assert.deepEqual(
    claims('Asked about the pier, 55 percent of all voters say it is too costly.').map((c) => c.speaker),
    ['55 percent of all voters'],
  );
  assert.deepEqual(claims('Top harbor donor Ana Ortiz said on Friday she met the mayor earlier this week.'), [{ text: 'she met the mayor earlier this week', speaker: 'Top harbor donor Ana Ortiz' }]);
  assert.deepEqual(claims('The pier may have been more costly than anyone expected, said several observers.'), [
    { text: 'The pier may have been more costly than anyone expected', speaker: 'several observers' },
  ]);
  assert.deepEqual(claims('Ortiz called both plans “crazy” and said the harbor board is bound to lose the vote.'), [{ text: 'the harbor board is bound to lose the vote', speaker: 'Ortiz' }]);
});
