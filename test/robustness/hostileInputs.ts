// Hostile drafts, generated from a seed: what a writer might paste, and shapes built to make
// each of the engine's regular expressions backtrack.

export function seeded(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

const PIECES = [
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  '«',
  '»',
  '„',
  '‹',
  '›',
  "''",
  '``',
  ' ',
  ' ',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\t',
  '\u00a0',
  '\u2028',
  'Blinken',
  'Miller',
  'Sen. Ann Ortiz (D-Ore.)',
  'he',
  'she',
  'they',
  'the secretary',
  'a senior official',
  'Reuters',
  'said',
  'told reporters',
  'according to',
  'wrote',
  'added',
  'saying',
  'so-called',
  'called',
  'the',
  'deal',
  'is not',
  'at all',
  'encouraging',
  'hit a wall',
  '.',
  ',',
  ':',
  ';',
  '?',
  '!',
  '—',
  '–',
  '…',
  '...',
  '. . .',
  '(',
  ')',
  '[',
  ']',
  '[sic]',
  '[Blinken]',
  '🙂',
  '👍🏽',
  '𝔘𝔫𝔦',
  'e\u0301',
  'שלום עולם',
  'مرحبا',
  '\u200f',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\u0007',
  '#',
  '## ',
  '> ',
  '>> ',
  '```',
  '~~~',
  '`',
  '    ',
  '- ',
  '* ',
  '1. ',
  '<!-- verbatim-ignore -->',
  '<!-- verbatim-disable -->',
  '<!-- verbatim-enable -->',
  '<!--',
  '-->',
  '<b>',
  '</b>',
  '<tweet id="1">',
  'https://x.org/a_(b)',
  'www.',
  '[link](http://y.org)',
  '![img](z.png)',
  '[ref]: http://r.org',
  '---',
];

/** One regex-hostile shape per family of patterns the engine uses, each `size` characters or so. */
export function pathologicalShapes(size: number): Array<[string, string]> {
  const times = (s: string) => s.repeat(Math.max(1, Math.floor(size / s.length)));
  return [
    ['apostrophe chains', times("a'")],
    ['number separators', times('1,')],
    ['dot runs', times('.')],
    ['spaced ellipses', times('. ')],
    ['open brackets', times('[a ')],
    ['open parentheses', times('(a ')],
    ['open comments', times('<!--')],
    ['open tags', times('<a ')],
    ['backtick runs', times('` `` ')],
    ['url starts', times('https://')],
    ['link targets', times('](')],
    ['abbreviations', times('Mr. ')],
    ['initials', times('A. ')],
    ['capitalised run', times('Word ')],
    ['cue run', times('said ')],
    ['open quotes with words', times('“a ')],
    ['close quotes with words', times('a” ')],
    ['straight quotes', times('" a ')],
    ['single quotes', times("' a ")],
    ['doubled apostrophes', times("''a ")],
    ['dashes', times('— ')],
    ['block quote markers', times('> ')],
    ['fence markers', times('```\n')],
    ['front matter lines', `---\n${times('a: b\n')}`],
    ['headings', times('# a\n')],
    ['blank lines', times('\n\n')],
    ['CR only', times('a\r')],
    ['spaces', times(' ')],
    ['no spaces', times('a')],
    ['nested quotes', `${'“‘'.repeat(size / 4)}x${'’”'.repeat(size / 4)}`],
    ['ignore comments', times('<!-- verbatim-ignore -->“a b c d e” he said. ')],
  ];
}

/** `count` drafts: mostly random pastes of pieces, some thousands of marks long. */
export function hostileDrafts(count: number, seed = 2024): string[] {
  const random = seeded(seed);
  const drafts: string[] = [];
  for (let i = 0; i < count; i++) {
    const marksOnly = i % 10 === 0;
    const length = marksOnly ? 1000 + Math.floor(random() * 4000) : Math.floor(random() * 300);
    const parts: string[] = [];
    for (let k = 0; k < length; k++) {
      parts.push(marksOnly ? PIECES[Math.floor(random() * 13)] + (random() < 0.5 ? ' ' : 'x') : PIECES[Math.floor(random() * PIECES.length)]);
    }
    drafts.push(parts.join(''));
  }
  return drafts;
}

/** The large ones: a 5 MB line, a 10,000-line Markdown file. */
export function largeDrafts(): Array<[string, string]> {
  const line = ('Officials met on Tuesday and the talks went on. ' + '“We will rebuild the bridge,” Ruiz said, ').repeat(60000).slice(0, 5 * 1024 * 1024);
  const lines: string[] = [];
  for (let i = 0; i < 10000; i++)
    lines.push(i % 4 === 0 ? `“Line ${i} is a quote long enough to check,” Miller said.` : i % 4 === 1 ? '' : `Prose line ${i} with *emphasis*, \`code\` and [a link](http://x.org/${i}).`);
  return [
    ['a 5 MB single line', line],
    ['a 10,000-line Markdown file', lines.join('\n')],
  ];
}
