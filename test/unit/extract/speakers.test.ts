// Speaker causes found in the PolNeAR error analysis (issue 5), each on a sentence of our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../../server/src/engine';

const speakerOf = (text: string, quote?: string) => {
  const all = extractQuotes(text, { format: 'plaintext' }).filter((q) => q.kind === 'quote');
  const q = quote ? all.find((x) => x.text.includes(quote)) : all[0];
  assert.ok(q, `no quote found in ${text}`);
  return q.speaker?.text ?? null;
};

test('a name after a dash closing the paragraph signs the quote', () => {
  assert.equal(speakerOf('“The buses never come on time and nobody at the depot answers the phone.” ― Lena Marsh'), 'Lena Marsh');
  assert.equal(speakerOf('"We waited three hours in the rain for a ferry that never came." — Tomas R. Ebbe.'), 'Tomas R. Ebbe');
});

test('initials inside a name do not end the sentence', () => {
  assert.match(speakerOf('“This budget is a broken promise,” said Rep. J.D. Orwell (D-Ore.), who leads the caucus.') ?? '', /Orwell/);
});

test('a name with several appositions before the cue', () => {
  assert.match(speakerOf('“The levy is unlawful,” Marta Quill, the attorney general of Idaho, one of the states suing the agency, said on Monday.') ?? '', /Marta Quill/);
  assert.match(speakerOf('Dev Arora, head of the tenants union, which represents 4,000 renters, said the rent rise was “simply indefensible for families.”') ?? '', /Dev Arora/);
  assert.match(speakerOf('Treasurer Ann Bloch (R), Ortega’s rival in the coming race, said the fund was “running on fumes and hope.”') ?? '', /Bloch/);
});

test('a participle cue takes the subject of the main clause', () => {
  assert.match(speakerOf('During a rally earlier in the week, Ortega attacked the mayor for the closures, saying, “He has failed every family here.”') ?? '', /Ortega/);
  assert.match(speakerOf('Ortega posted a string of messages late Friday saying that the mayor had shown “appalling judgment.”') ?? '', /Ortega/);
});

test('a cue word used as a noun is not a cue', () => {
  assert.match(speakerOf('Mayor Kim Dahl says Ortega’s flurry of midnight tweets about the port was “reckless, even for him.”') ?? '', /Dahl/);
});

test('a clause after the quote is not its attribution', () => {
  assert.notEqual(speakerOf('Ortega called the closure a “grave mistake,” but stopped short of calling the mayor dishonest.'), 'stopped short of');
});

test('an apposition joined by "and" is one apposition; places and ages are not names', () => {
  assert.match(
    speakerOf('“The tolls will not survive the winter,” Oskar V. Lind, director of the Harbor Budget Office and a lecturer at the Marine Academy of Tromsø, said of the plan.') ?? '',
    /Oskar V\. Lind/,
  );
  assert.match(speakerOf('Renata Cole, 61, of Dover, Del., who rode the ferry for 40 years, said it was “the only way we had to get to work.”') ?? '', /Renata Cole/);
  assert.match(speakerOf('“We will override the veto,” Senate Leader Ida Marsh, R-Ore., said Tuesday.') ?? '', /Ida Marsh/);
});

test('a second verb joined by "and" shares the subject of the first', () => {
  assert.match(speakerOf('Kim Dahl, the harbor master, toured the pier and said the storm had been “worse than anything in a decade.”') ?? '', /Kim Dahl/);
  assert.notEqual(speakerOf('Dahl visited the depot and said she expects a “long, hard winter for everyone.”'), 'she expects a');
});

test('"as X put it" is a cue', () => {
  assert.match(speakerOf('As Renata Cole, a ferry captain, once put it, the harbor is “a town that floats.”') ?? '', /Renata Cole/);
});

test('a cue word after a determiner is a noun, and the verb before it is the cue', () => {
  assert.match(speakerOf('Another critic, Oskar Lind, likened the rules to “a tax on breathing.”') ?? '', /Oskar Lind/);
});

test('a transcript quoted turn by turn names the speaker in its label', () => {
  const text = 'The exchange went on.\n\n"DAHL: It will run every day, and I think everyone here knows it, Mr. Holt."';
  assert.equal(speakerOf(text, 'It will run'), 'DAHL');
});

test('the name heading a run of appositions is the speaker, not a proper name inside them', () => {
  assert.match(speakerOf('Lena Brandt, chair of the Roads and Bridges Committee, said the toll was “a tax on the poor.”') ?? '', /Lena Brandt/);
  assert.match(speakerOf('“The levy is dead,” Rep. Tom Asher, Democrat of Vermont, told reporters.') ?? '', /Tom Asher/);
  assert.match(speakerOf('Omar Diallo, a baker from Lowell, Massachusetts, says the new rent is “more than I earn in a month.”') ?? '', /Omar Diallo/);
});

test('a relative clause between the name and the cue is one apposition', () => {
  assert.match(speakerOf('Ida Vance, who has opposed the plan as the budget has shrunk, called it “a slow disaster for the valley.”') ?? '', /Ida Vance/);
  assert.match(speakerOf('“We were never consulted,” Ida Vance, who chairs the tenants board said.') ?? '', /Ida Vance/);
});

test('a time between the apposition and the cue', () => {
  assert.match(speakerOf('Ida Vance, the county treasurer, on Monday described the audit as “long overdue and badly needed.”') ?? '', /Ida Vance/);
});

test('an inverted cue after a comma takes the name after it', () => {
  assert.match(speakerOf('“We are delighted” with the ruling, said Noor Hadid, the union’s lawyer.') ?? '', /Noor Hadid/);
  assert.match(speakerOf('“The ferry is a lifeline for the islands,” wrote the harbour master at the time, Jens Aalto.') ?? '', /Jens Aalto/);
  assert.match(speakerOf('Or, as Jens Aalto, a former harbour master, put it: “The sea does not wait for budgets.”') ?? '', /Jens Aalto/);
});

test('a headline names the speaker of a long quote too', () => {
  assert.equal(speakerOf('Ortega: ‘We Will Never Sell the Harbour to Anyone at Any Price’\n\nThe mayor spoke at the pier on Monday.'), 'Ortega');
});

test('a name and a colon introduce a quote', () => {
  const text = 'Ferry use rose in the spring. The harbour office was upbeat.\n\nWhy the rise mattered - Lina Ortega: “Every extra passenger keeps a crossing alive for another winter.”';
  assert.equal(speakerOf(text), 'Lina Ortega');
});

test('with no cue, the named subject opening the sentence speaks, not the last speaker before it', () => {
  const text = '“The tolls are fair,” Ruiz said.\n\nDana Ortega leaned over the rail and grinned at the crowd: “We will keep this ferry running every single day!”';
  assert.equal(speakerOf(text, 'keep this ferry'), 'Dana Ortega');
});

test('verbs of speaking that were missing from the cues: demanded, answered, asserted, sings', () => {
  assert.equal(speakerOf('“Who signed off on this budget?” Okafor demanded.', 'budget'), 'Okafor');
  assert.equal(speakerOf('“Not one cent more for the tunnel,” Okafor answered.'), 'Okafor');
  assert.equal(speakerOf('“Hold on to the light, my dear,” Lisette sings in the closing number.'), 'Lisette');
});

test('an adverb in -ly between the subject and the cue', () => {
  assert.equal(speakerOf('Okafor bluntly and loudly told the board that the plan was “a fantasy built on borrowed money.”'), 'Okafor');
  assert.equal(speakerOf('Okafor wearily conceded that the tunnel was “years behind and millions over.”'), 'Okafor');
});

test('a participle after "footage of" a name is that name’s', () => {
  assert.equal(speakerOf('The new ad closes with footage of Okafor saying, “I will not raise your fares.”'), 'Okafor');
});
