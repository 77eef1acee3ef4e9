import { stem as porter2 } from 'porter2';

/**
 * The English Snowball (Porter2) stemmer, for comparing claims with statements: "agreed",
 * "agrees" and "agreeing" meet at "agre", "discussed" and "discussing" at "discuss". A stem is
 * never shown; it need not be a word. Irregular forms ("said") keep their own stems.
 */
export function stem(word: string): string {
  // porter2 reads lowercase letters only, and drops a possessive ('s) itself.
  return porter2(word.toLowerCase());
}
