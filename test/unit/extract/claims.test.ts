// Attributed claims (indirect speech), SPEC §1 and §3: only with { claims: true }.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../../server/src/engine';

const claims = (text: string) =>
  extractQuotes(text, { format: 'plaintext', claims: true })
    .filter((q) => q.kind === 'claim')
    .map((q) => ({ text: q.text, speaker: q.speaker?.text ?? null }));

test('claims are off by default', () => {
  assert.deepEqual(extractQuotes('Mayor Ana Ruiz said the ferry would run again by June.').filter((q) => q.kind === 'claim'), []);
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
  assert.deepEqual(claims(text).map((c) => c.speaker), ['Ana Ruiz', 'Ana Ruiz']);
  assert.deepEqual(claims('Ruiz said: “The ferry will run again by June.”'), []);
  assert.deepEqual(claims('Mr. Lee, who runs the ferry, said Ruiz had misled the council.'), [{ text: 'Ruiz had misled the council', speaker: 'Mr. Lee' }]);
});
