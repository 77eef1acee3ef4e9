import { readSpeakerPhrase, type SpeakerPhrase } from '../extract/speakerPhrase';

/** One canonical speaker: a person, an organisation, a role or an anonymous source. */
export interface Speaker {
  id: number;
  /** The fullest form seen, for display ("Antony Blinken", "The Prime Minister's Office"). */
  name: string;
  key: string;
}

const STOP = new Set(['a', 'an', 'the', 'of', 'and', 'in', 'to', 'for']);

function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’ʼ]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w))
    .join(' ');
}

export interface SavedRegistry {
  speakers: Array<[string, string]>;
  roles: Array<[string, number]>;
}

const HONORIFIC_ROLES = new Set(['mr', 'ms', 'mrs', 'miss', 'dr', 'the']);

/** "White House Press Secretary" + "psaki" → "press secretary psaki"; honorifics alone ("MS.") count too. */
function roleKey(role: string, surname: string): string | null {
  const words = role
    .toLowerCase()
    .replace(/[.]/g, '')
    .split(/\s+/)
    .filter((w) => w && w !== 'the' && w !== 'white' && w !== 'house' && w !== 'former');
  if (words.length === 0 || !surname) return null;
  const kept = words.every((w) => HONORIFIC_ROLES.has(w)) ? words : words.filter((w) => !HONORIFIC_ROLES.has(w));
  return `${kept.join(' ')} ${surname.toLowerCase()}`;
}

/** The identity key of a phrase: people by name, everyone else by their normalised words. */
export function identityKey(phrase: SpeakerPhrase): string {
  if (phrase.kind === 'person' && phrase.name) {
    const parts = phrase.name
      .toLowerCase()
      .replace(/[’ʼ]/g, "'")
      .split(/\s+/)
      .filter((w) => !/^\p{L}\.$/u.test(w));
    return parts.length === 1 ? `surname:${parts[0]}` : `person:${parts[0]} ${parts[parts.length - 1]}`;
  }
  const words = normalizeText(phrase.text);
  if (phrase.kind === 'anonymous') return `anon:${words}`;
  if (phrase.kind === 'role') return `role:${words}`;
  return `org:${words.replace(/'s\b/g, '')}`;
}

/**
 * Knows which speaker phrases name the same speaker. Identity is by name, not string:
 * "State Department spokesperson Matthew Miller", "Matthew Miller" and "MILLER" are one
 * speaker when the corpus has one Miller; two Millers with different first names stay apart.
 */
export class SpeakerRegistry {
  private readonly speakers: Speaker[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly aliases = new Map<string, string>();
  private readonly peopleBySurname = new Map<string, number[]>();
  /** `canonical(id)` by id, -1 not yet known; forgotten when a person joins (a surname may then name two). */
  private canonicalIds: Int32Array = new Int32Array(0);
  /** "president biden" → the person a corpus labelled so; -1 when two people were ("dr biden"). */
  private readonly roles = new Map<string, number>();
  /** Speaker text as written → id: a corpus registers the same label hundreds of thousands of times. */
  private readonly registered = new Map<string, number>();

  /** `speakers` from the config: canonical name → aliases ("Tony Blinken", "State Department spokesperson"). */
  constructor(aliasTable: Record<string, string[]> = {}) {
    for (const [canonical, list] of Object.entries(aliasTable)) {
      for (const alias of list) this.aliases.set(normalizeText(alias), canonical);
    }
  }

  get all(): readonly Speaker[] {
    return this.speakers;
  }

  speaker(id: number): Speaker {
    return this.speakers[id];
  }

  /** Adds (or finds) the speaker of a source statement. */
  register(text: string): number {
    let id = this.registered.get(text);
    if (id === undefined) {
      id = this.registerPhrase(text);
      this.registered.set(text, id);
    }
    return id;
  }

  /** Labels already looked at for a role, with the name they resolved to. */
  private readonly noted = new Set<string>();

  /**
   * The speaker of a source statement: `resolved` (its label as its document resolves it) is
   * registered, and a title with a surname in the label ("MS. PSAKI") is noted for role lookups.
   * The local corpus and the archive's loader both register statements' speakers this way.
   */
  registerStatement(label: string, resolved: string): number {
    const id = this.register(resolved);
    const memo = `${label}\u0000${resolved}`;
    if (!this.noted.has(memo)) {
      this.noted.add(memo);
      const said = readSpeakerPhrase(label);
      const person = readSpeakerPhrase(resolved);
      const surname = person.kind === 'person' && person.name ? person.name.split(' ').pop()! : null;
      if (surname && said.role && (said.kind === 'role' || (said.name && said.name.toLowerCase() === surname.toLowerCase()))) {
        this.noteRole(said.role, surname, id);
      }
    }
    return id;
  }

  /**
   * Records that a title with a surname ("PRESIDENT BIDEN", "MS. PSAKI", or "THE PRESIDENT"
   * read as Joe Biden) named this speaker in the corpus, so that a draft's "President Biden"
   * finds Joe Biden although Jill Biden shares the surname.
   */
  noteRole(role: string, surname: string, id: number): void {
    const key = roleKey(role, surname);
    if (!key) return;
    const canonical = this.canonical(id);
    const known = this.roles.get(key);
    if (known === undefined) this.roles.set(key, canonical);
    else if (known !== canonical) this.roles.set(key, -1);
  }

  /** The speakers, for a persisted index. */
  toJSON(): SavedRegistry {
    return { speakers: this.speakers.map((s) => [s.name, s.key]), roles: [...this.roles] };
  }

  /** A registry with the speakers a persisted index saved (same ids), and the config's aliases. */
  static fromJSON(saved: SavedRegistry, aliasTable: Record<string, string[]> = {}): SpeakerRegistry {
    const r = new SpeakerRegistry(aliasTable);
    for (const [name, key] of saved.speakers) r.addSpeaker(name, key);
    for (const [key, id] of saved.roles) r.roles.set(key, id);
    return r;
  }

  private registerPhrase(text: string): number {
    const phrase = readSpeakerPhrase(this.aliases.get(normalizeText(text)) ?? text);
    const key = identityKey(phrase);
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      const s = this.speakers[existing];
      if (phrase.name && phrase.name.length > s.name.length && phrase.kind === 'person') s.name = phrase.name;
      return existing;
    }
    return this.addSpeaker(phrase.kind === 'person' && phrase.name ? phrase.name : phrase.text, key);
  }

  /** A new speaker under `key`; a person also joins the index by surname (which resets the canonical ids worked out so far). */
  private addSpeaker(name: string, key: string): number {
    const id = this.speakers.length;
    this.speakers.push({ id, name, key });
    this.byKey.set(key, id);
    if (key.startsWith('person:')) {
      const surname = key.split(' ').pop()!;
      const people = this.peopleBySurname.get(surname);
      if (people) people.push(id);
      else this.peopleBySurname.set(surname, [id]);
      this.canonicalIds = new Int32Array(0);
    }
    return id;
  }

  /** The canonical id of two ids that name one speaker (a surname label and the full name). */
  canonical(id: number): number {
    // Asked for hundreds of candidate statements a quote: worked out once per speaker.
    if (id >= 0 && id < this.canonicalIds.length && this.canonicalIds[id] >= 0) return this.canonicalIds[id];
    const key = this.speakers[id]?.key;
    let canonical = id;
    if (key?.startsWith('surname:')) canonical = this.uniquePersonWithSurname(key.slice('surname:'.length)) ?? id;
    if (id >= 0 && id < this.speakers.length) {
      if (this.canonicalIds.length < this.speakers.length) {
        const grown = new Int32Array(this.speakers.length * 2).fill(-1);
        grown.set(this.canonicalIds);
        this.canonicalIds = grown;
      }
      this.canonicalIds[id] = canonical;
    }
    return canonical;
  }

  same(a: number, b: number): boolean {
    return this.canonical(a) === this.canonical(b);
  }

  /** Finds the corpus speaker a draft's speaker phrase names, or null when the corpus does not know them. */
  resolve(text: string): number | null {
    const aliased = this.aliases.get(normalizeText(text));
    const phrase = readSpeakerPhrase(aliased ?? text);
    const key = identityKey(phrase);
    if (key.startsWith('surname:') && phrase.role) {
      // "President Biden": the person the corpus's own labels call so (Jill Biden shares the surname).
      const roleKeyText = roleKey(phrase.role, key.slice('surname:'.length));
      const byRole = roleKeyText ? this.roles.get(roleKeyText) : undefined;
      if (byRole !== undefined && byRole >= 0) return byRole;
    }
    const exact = this.byKey.get(key);
    if (exact !== undefined) return this.canonical(exact);
    if (key.startsWith('surname:')) {
      const full = this.uniquePersonWithSurname(key.slice('surname:'.length));
      if (full !== null) return full;
    }
    if (key.startsWith('person:')) {
      const surname = key.split(' ').pop()!;
      const first = key.slice('person:'.length).split(' ')[0];
      const label = this.byKey.get(`surname:${surname}`);
      // A surname-only speaker in the corpus ("MILLER:") is this person unless another full name claims that surname.
      if (label !== undefined) {
        const others = (this.peopleBySurname.get(surname) ?? []).filter((id) => !this.speakers[id].key.startsWith(`person:${first} `));
        if (others.length === 0) return label;
      }
      return null;
    }
    if (key.startsWith('anon:') || key.startsWith('org:') || key.startsWith('role:')) {
      const words = new Set(key.slice(key.indexOf(':') + 1).split(' '));
      for (const s of this.speakers) {
        if (!s.key.startsWith(key.slice(0, key.indexOf(':') + 1))) continue;
        const other = s.key.slice(s.key.indexOf(':') + 1).split(' ');
        if (other.length > 0 && (other.every((w) => words.has(w)) || [...words].every((w) => other.includes(w)))) return s.id;
      }
    }
    return null;
  }

  /**
   * For a phrase `resolve` cannot pin down to one speaker because several people share its
   * surname ("Biden" beside Joe and Jill Biden): those people. Empty otherwise.
   */
  mayBe(text: string): number[] {
    const phrase = readSpeakerPhrase(this.aliases.get(normalizeText(text)) ?? text);
    const key = identityKey(phrase);
    if (!key.startsWith('surname:')) return [];
    return (this.peopleBySurname.get(key.slice('surname:'.length)) ?? []).map((id) => this.canonical(id));
  }

  private uniquePersonWithSurname(surname: string): number | null {
    const people = this.peopleBySurname.get(surname) ?? [];
    return people.length === 1 ? people[0] : null; // two people share the surname: do not guess
  }
}
