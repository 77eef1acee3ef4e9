// Surnames introduced with a first name or a title ("Ana Ruiz", "Mr. Ruiz", "Gov. Ruiz"): a
// capitalised word that opens a sentence is taken for a name when the document introduced it
// so earlier. One pass over a document makes the index; a question is a map lookup, so the
// answer does not depend on how much of the document a check reads at once.

/** Whether `name` stood after another capitalised word somewhere ending at or before `before`. */
export type IntroducedName = (name: string, before: number) => boolean;

const WORD = /\p{L}[\p{L}.'’-]*/gu;
const CAPITAL = /^\p{Lu}/u;
const SPACE_ONLY = /^\s+$/;

/** The end offset of each capitalised word's first appearance right after another capitalised word. */
export function firstIntroductions(text: string): Map<string, number> {
  const first = new Map<string, number>();
  let previousCapital = false;
  let previousEnd = -1;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    const capital = CAPITAL.test(word);
    if (capital && previousCapital && SPACE_ONLY.test(text.slice(previousEnd, m.index))) {
      // "Ruiz’s", "Ruiz." and "Ruiz-Ortiz" introduce "Ruiz" too.
      for (let cut = 1; cut <= word.length; cut++) {
        if (cut < word.length && !/[.'’-]/.test(word[cut])) continue;
        const form = word.slice(0, cut);
        if (!first.has(form)) first.set(form, m.index + cut);
      }
    }
    previousCapital = capital;
    previousEnd = m.index + word.length;
  }
  return first;
}

export function introducedNames(text: string): IntroducedName {
  const first = firstIntroductions(text);
  return (name, before) => {
    const end = first.get(name);
    return end !== undefined && end <= before;
  };
}
