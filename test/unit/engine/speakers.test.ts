import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpeakerRegistry } from '../../../server/src/engine/speakers/speakerRegistry';
import { readSpeakerPhrase } from '../../../server/src/engine/extract/speakerPhrase';

test('speaker phrases: names inside titles, organisations, anonymous sources, pronouns', () => {
  assert.deepEqual(readSpeakerPhrase('US Secretary of State Antony Blinken').name, 'Antony Blinken');
  assert.equal(readSpeakerPhrase('State Department spokesperson Matthew Miller').name, 'Matthew Miller');
  assert.equal(readSpeakerPhrase('MS. PSAKI').name, 'Psaki');
  assert.equal(readSpeakerPhrase('The Prime Minister’s Office').kind, 'organisation');
  assert.equal(readSpeakerPhrase('A senior Biden administration official').kind, 'anonymous');
  assert.equal(readSpeakerPhrase('he').kind, 'pronoun');
});

test('one identity for the forms of a name; two people with one surname kept apart', () => {
  const registry = new SpeakerRegistry();
  const blinken = registry.register('US Secretary of State Antony Blinken');
  const label = registry.register('BLINKEN');
  assert.ok(registry.same(blinken, label));
  assert.equal(registry.resolve('Secretary Blinken'), blinken);
  assert.equal(registry.resolve('Antony Blinken'), blinken);
  assert.equal(registry.resolve('Blinken'), blinken);

  const miller1 = registry.register('Matthew Miller');
  const miller2 = registry.register('Jason Miller');
  assert.notEqual(miller1, miller2);
  assert.equal(registry.resolve('Miller'), null, 'a bare surname shared by two people is not guessed');
  assert.equal(registry.resolve('Jason Miller'), miller2);
  assert.equal(registry.resolve('Stephen Miller'), null);
});

test('aliases from the config name the same speaker', () => {
  const registry = new SpeakerRegistry({ 'Matthew Miller': ['State Department spokesperson', 'Matt Miller'] });
  const miller = registry.register('Matthew Miller');
  assert.equal(registry.resolve('State Department spokesperson'), miller);
  assert.equal(registry.resolve('Matt Miller'), miller);
});

test('anonymous sources match when one description contains the other', () => {
  const registry = new SpeakerRegistry();
  const official = registry.register('A senior Biden administration official');
  assert.equal(registry.resolve('a senior Biden administration official'), official);
  assert.equal(registry.resolve('a senior official'), official);
});
