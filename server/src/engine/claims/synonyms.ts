import * as fs from 'fs';
import * as path from 'path';

/**
 * Words that share a common sense, from the table `scripts/buildSynonyms.js` derives from
 * WordNet at build time. Read once, on the first claim; without the table, claims match on
 * word stems alone.
 */
let table: Map<string, Set<string>> | null = null;

function load(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const file = [path.join(__dirname, 'synonyms.txt'), path.join(__dirname, 'claims', 'synonyms.txt')].find((f) => fs.existsSync(f));
  if (!file) return map;
  const link = (a: string, b: string) => {
    let set = map.get(a);
    if (!set) map.set(a, (set = new Set()));
    set.add(b);
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [word, ...others] = line.split(' ');
    for (const other of others) {
      link(word, other);
      link(other, word);
    }
  }
  return map;
}

export function areSynonyms(a: string, b: string): boolean {
  table ??= load();
  return table.get(a)?.has(b) ?? false;
}

export function synonymsOf(word: string): ReadonlySet<string> {
  table ??= load();
  return table.get(word) ?? new Set();
}
