// Who a transcript's label names, read from the document around it. White House transcripts
// label turns by role or surname in capitals ("THE PRESIDENT:", "MS. PSAKI:", "PRESIDENT
// BIDEN:"); the person behind the label follows from the title ("Press Briefing by Press
// Secretary Jen Psaki"), the opening text, and for the offices below from the date. What
// comes out is a speaker phrase for the registry ("Jen Psaki", "Joe Biden"); a label that
// cannot be resolved is passed on as written (the registry still joins a surname to the one
// full name that has it).

import type { SourceDocument } from '../types';
import { readSpeakerPhrase } from '../extract/speakerPhrase';
import { detach } from '../corpus/words';

interface Term {
  name: string;
  from: string;
  to: string;
}

/** US offices whose holder a White House label names by role alone, with their terms. */
const OFFICES: Record<string, Term[]> = {
  president: [
    { name: 'Barack Obama', from: '2009-01-20', to: '2017-01-20' },
    { name: 'Donald Trump', from: '2017-01-20', to: '2021-01-20' },
    { name: 'Joe Biden', from: '2021-01-20', to: '2025-01-20' },
    { name: 'Donald Trump', from: '2025-01-20', to: '9999-12-31' },
  ],
  'vice president': [
    { name: 'Joe Biden', from: '2009-01-20', to: '2017-01-20' },
    { name: 'Mike Pence', from: '2017-01-20', to: '2021-01-20' },
    { name: 'Kamala Harris', from: '2021-01-20', to: '2025-01-20' },
    { name: 'JD Vance', from: '2025-01-20', to: '9999-12-31' },
  ],
  'first lady': [
    { name: 'Michelle Obama', from: '2009-01-20', to: '2017-01-20' },
    { name: 'Melania Trump', from: '2017-01-20', to: '2021-01-20' },
    { name: 'Jill Biden', from: '2021-01-20', to: '2025-01-20' },
    { name: 'Melania Trump', from: '2025-01-20', to: '9999-12-31' },
  ],
  'second gentleman': [{ name: 'Doug Emhoff', from: '2021-01-20', to: '2025-01-20' }],
  'second lady': [
    { name: 'Jill Biden', from: '2009-01-20', to: '2017-01-20' },
    { name: 'Karen Pence', from: '2017-01-20', to: '2021-01-20' },
    { name: 'Usha Vance', from: '2025-01-20', to: '9999-12-31' },
  ],
};
/** Formal forms of the office holders' names, as titles write them ("Joseph R. Biden, Jr."). */
const NAME_VARIANTS = new Map<string, string>([
  ['joseph r biden', 'Joe Biden'],
  ['joseph biden', 'Joe Biden'],
  ['president joseph r biden', 'Joe Biden'],
  ['president joe biden', 'Joe Biden'],
  ['donald j trump', 'Donald Trump'],
  ['president donald j trump', 'Donald Trump'],
  ['kamala d harris', 'Kamala Harris'],
  ['j d vance', 'JD Vance'],
  ['jd vance', 'JD Vance'],
  ['douglas emhoff', 'Doug Emhoff'],
]);

// Longest first, so "vice president" wins over "president".
const OFFICE_NAMES = Object.keys(OFFICES).sort((a, b) => b.length - a.length);

const HONORIFICS = new Set(['mr', 'ms', 'mrs', 'miss', 'dr', 'the', 'sir', 'dame']);
// Words of a capitals label that are a title, not a name ("SECRETARY MAYORKAS", "ACTING ADMINISTRATOR SLAVITT").
const LABEL_TITLE_WORDS = new Set(
  (
    'president vice first lady second gentleman secretary prime minister press deputy principal national security ' +
    'advisor adviser chief of staff senior administration official officials director ambassador senator governor ' +
    'mayor general attorney acting administrator surgeon chair chairman chairwoman commissioner representative ' +
    'congressman congresswoman leader speaker chancellor king queen prince princess sheikh emir crown minister ' +
    'coordinator special envoy assistant spokesperson admiral colonel captain lieutenant sergeant major judge justice ' +
    'commander rabbi reverend father pastor bishop cardinal pope mrs mr ms miss dr drs doctors the communications ' +
    'taoiseach audience member members participant participants moderator operator aide white house'
  ).split(' '),
);

function isCapsLabel(label: string): boolean {
  return /\p{Lu}/u.test(label) && label === label.toUpperCase();
}

function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’\s])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

function termAt(office: string, date: string | undefined, surname?: string): string | null {
  const terms = OFFICES[office];
  if (!terms) return null;
  const bySurname = surname ? terms.filter((t) => t.name.toLowerCase().endsWith(` ${surname}`)) : terms;
  if (date) {
    const t = bySurname.find((x) => date >= x.from && date < x.to);
    if (t) return t.name;
  }
  // A former holder named by surname ("PRESIDENT OBAMA" in 2022).
  const names = new Set(bySurname.map((t) => t.name));
  return surname && names.size === 1 ? [...names][0] : null;
}

/**
 * Resolves the labels of one document. Holds the document's title, date and opening text;
 * remembers each label it resolved.
 */
export class SpeakerContext {
  private readonly memo = new Map<string, string>();
  private readonly whiteHouse: boolean;
  private readonly haystack: string;

  constructor(
    private readonly doc: Pick<SourceDocument, 'title' | 'date' | 'url'>,
    text: string,
  ) {
    const title = doc.title ?? '';
    this.whiteHouse = /whitehouse\.(?:gov|archives\.gov)\b/i.test(doc.url ?? '') || /\bwhite house\b/i.test(title);
    this.haystack = `${title}\n${text.slice(0, 4000)}`;
  }

  resolve(label: string): string {
    let r = this.memo.get(label);
    if (r === undefined) {
      r = detach(this.compute(label));
      this.memo.set(label, r);
    }
    return r;
  }

  private compute(label: string): string {
    const clean = label.replace(/\s+/g, ' ').trim();
    const variant = NAME_VARIANTS.get(
      clean
        .toLowerCase()
        .replace(/,?\s+jr\.?$/, '')
        .replace(/[^\p{L} ]/gu, ''),
    );
    if (variant) return variant;
    const caps = isCapsLabel(clean);
    const words = clean.replace(/[.,]/g, ' ').split(' ').filter(Boolean);
    // A Title Case name of two or more words is a name already ("Antony Blinken").
    if (!caps && words.length >= 2 && words.some((w) => !LABEL_TITLE_WORDS.has(w.toLowerCase()))) return clean;
    const lower = words.map((w) => w.toLowerCase());
    const rest = lower.filter((w) => !LABEL_TITLE_WORDS.has(w));
    const roleText = lower.filter((w) => LABEL_TITLE_WORDS.has(w) && !HONORIFICS.has(w)).join(' ');
    const office = OFFICE_NAMES.find((o) => ` ${roleText} `.includes(` ${o} `));
    const date = this.doc.date;

    if (rest.length === 0) {
      // A role alone: "THE PRESIDENT", "THE VICE PRESIDENT", "THE FIRST LADY".
      if (office && roleText === office) {
        const fromTitle = this.holderInTitle(office);
        if (fromTitle) return fromTitle;
        if (this.whiteHouse) return termAt(office, date) ?? clean;
      }
      return clean;
    }
    if (rest.length >= 2 && caps) {
      // "SECOND GENTLEMAN DOUGLAS EMHOFF", "PRESIDENT LÓPEZ OBRADOR": a name with its title.
      const found = this.fullName(rest[rest.length - 1], roleText);
      if (found) return found;
      const name = words
        .filter((w) => !LABEL_TITLE_WORDS.has(w.toLowerCase()))
        .map(titleCase)
        .join(' ');
      const phrase = readSpeakerPhrase(name);
      return rest.length <= 4 && phrase.kind === 'person' && phrase.name === name ? name : clean;
    }
    if (rest.length !== 1) return clean;
    // A surname, with or without a title: "MS. PSAKI", "SECRETARY MAYORKAS", "BLINKEN", "Biden".
    const surname = rest[0];
    if (office) {
      const holder = termAt(office, date, surname);
      if (holder) return holder;
    }
    const found = this.fullName(surname, roleText);
    if (found) return found;
    // The title names the office before the surname ("Statement from President Biden").
    const mention = this.roleBefore(surname);
    if (mention) {
      const holder = termAt(mention, date, surname);
      if (holder) return holder;
    }
    return clean;
  }

  /** "Remarks by President Biden and …" → the president the title names. */
  private holderInTitle(office: string): string | null {
    const title = this.doc.title ?? '';
    // Case-insensitive office words, then capitalised words (no `i` flag: it would make \\p{Lu} match any letter).
    const officeRe = office
      .split(' ')
      .map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`)
      .join('\\s+');
    const re = new RegExp(`(?:^|[^\\p{L}])${officeRe}\\s+((?:\\p{Lu}[\\p{L}'’.-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]+)`, 'gu');
    const names = new Set<string>();
    for (const m of title.matchAll(re)) {
      // "Vice President Harris" is not "President Harris".
      const start = m.index! + m[0].search(/\p{L}/u);
      if (office === 'president' && /vice[\s-]*$/i.test(title.slice(0, start))) continue;
      // Titles are in Title Case ("President Biden Honoring the …"): the holder is the first word that is an office holder's surname.
      let holder: string | null = null;
      for (const w of m[1].split(/\s+/)) {
        holder = termAt(office, this.doc.date, w.toLowerCase().replace(/[’']s$/, ''));
        if (holder) break;
      }
      if (holder) names.add(holder);
    }
    return names.size === 1 ? [...names][0] : null;
  }

  /** The office words right before a mention of `surname` in the title ("President" in "Statement from President Biden"). */
  private roleBefore(surname: string): string | null {
    const title = (this.doc.title ?? '').toLowerCase();
    const i = title.indexOf(surname);
    if (i < 0) return null;
    const before = title.slice(0, i).trimEnd();
    return OFFICE_NAMES.find((o) => before.endsWith(o)) ?? null;
  }

  /**
   * A full name ending with `surname` in the title or the opening text ("Press Secretary Jen
   * Psaki"); with role words, only mentions preceded by them count. Null when none, or when
   * two different people with that surname are named.
   */
  private fullName(surname: string, roleText: string): string | null {
    const hay = this.haystack;
    const low = hay.toLowerCase();
    const names = new Map<string, boolean>();
    const roleWords = roleText.split(' ').filter((w) => w && w !== 'acting');
    for (let i = low.indexOf(surname); i >= 0; i = low.indexOf(surname, i + 1)) {
      const end = i + surname.length;
      if ((i > 0 && /[\p{L}-]/u.test(hay[i - 1])) || (end < hay.length && /[\p{L}]/u.test(hay[end]))) continue;
      // Up to five capitalised words before it on the same line.
      const lineStart = Math.max(hay.lastIndexOf('\n', i) + 1, i - 120);
      const before = hay.slice(lineStart, i).split(/\s+/).filter(Boolean).slice(-6);
      let k = before.length;
      while (k > 0 && /^\p{Lu}/u.test(before[k - 1]) && !/[,;:]$/.test(before[k - 1])) k--;
      const phraseWords = before.slice(k);
      if (phraseWords.length === 0) continue;
      // The name: the capitalised words right before the surname that are not titles, acronyms ("FEMA") or contractions ("I’m").
      let f = phraseWords.length;
      while (
        f > 0 &&
        phraseWords.length - f < 3 &&
        /^\p{Lu}[\p{L}.'’-]*$/u.test(phraseWords[f - 1]) &&
        !LABEL_TITLE_WORDS.has(phraseWords[f - 1].toLowerCase().replace(/[.]$/, '')) &&
        !/^\p{Lu}{2,}$/u.test(phraseWords[f - 1]) &&
        !/['’]/.test(phraseWords[f - 1]) &&
        (!phraseWords[f - 1].endsWith('.') || /^(?:\p{Lu}\.)+$/u.test(phraseWords[f - 1]))
      )
        f--;
      if (f === phraseWords.length) continue;
      const name = `${phraseWords.slice(f).join(' ')} ${hay.slice(i, end)}`;
      if (readSpeakerPhrase(name).kind !== 'person') continue;
      const titleWords = before.slice(0, before.length - (phraseWords.length - f)).map((w) => w.toLowerCase().replace(/[.]$/, ''));
      const roleMatch = roleWords.length === 0 || roleWords.some((w) => titleWords.includes(w));
      names.set(name, (names.get(name) ?? false) || roleMatch);
    }
    const matching = [...names].filter(([, role]) => role).map(([n]) => n);
    const pool = matching.length > 0 ? matching : roleWords.length === 0 ? [...names.keys()] : [];
    // "Jen Psaki" and "Jennifer Psaki" are one person; "Jill Biden" and "Joe Biden" are two.
    return pool.length === 1 ? pool[0] : null;
  }
}
