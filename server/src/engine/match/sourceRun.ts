import type { Corpus } from '../corpus/corpus';
import type { Token } from '../text/tokenize';
import type { Alignment } from './align';

/**
 * What a quote is aligned against: one statement, or consecutive statements of one speaker in
 * one document (an answer the transcript split into turns by an interruption, or into
 * paragraphs), read as one remark. Word ids are joined without reading any text; the text and
 * tokens are joined only when a change has to be described.
 */
export class SourceRun {
  private joinedText: string | null = null;
  private joinedTokens: Token[] | null = null;

  private constructor(
    private readonly corpus: Corpus,
    /** Statement ids in document order. */
    readonly ids: number[],
    readonly words: Uint32Array,
  ) {}

  static of(corpus: Corpus, id: number): SourceRun {
    return new SourceRun(corpus, [id], corpus.wordIdsOf(id));
  }

  /** The statement a finding cites first. */
  get first(): number {
    return this.ids[0];
  }

  /** The statements after the first, cited beside it. */
  get rest(): number[] {
    return this.ids.slice(1);
  }

  /**
   * The run with the speaker's turn before and/or after it, where the alignment reaches the
   * run's start or end (so the quote may go on across the turn); null when there is none.
   */
  widened(alignment: Alignment): SourceRun | null {
    const before = alignment.sourceStart <= 1 ? this.corpus.sameSpeakerNeighbour(this.ids[0], -1) : -1;
    const after = alignment.sourceEnd >= this.words.length - 1 ? this.corpus.sameSpeakerNeighbour(this.ids[this.ids.length - 1], 1) : -1;
    if (before < 0 && after < 0) return null;
    const ids = [...(before >= 0 ? [before] : []), ...this.ids, ...(after >= 0 ? [after] : [])];
    const parts = ids.map((id) => this.corpus.wordIdsOf(id));
    const words = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      words.set(p, at);
      at += p.length;
    }
    return new SourceRun(this.corpus, ids, words);
  }

  /** The statements of the run the alignment covers (the ones a finding cites). */
  covered(alignment: Alignment): number[] {
    if (this.ids.length === 1) return this.ids;
    const out: number[] = [];
    let start = 0;
    for (const id of this.ids) {
      const end = start + this.corpus.wordIdsOf(id).length;
      if (end > alignment.sourceStart && start < Math.max(alignment.sourceEnd, alignment.sourceStart + 1)) out.push(id);
      start = end;
    }
    return out.length > 0 ? out : [this.ids[0]];
  }

  /** The statements' texts, a blank line between turns. */
  text(): string {
    this.joinedText ??= this.ids.map((id) => this.corpus.statement(id).text).join('\n\n');
    return this.joinedText;
  }

  /** The statements' tokens, with offsets into `text()`. */
  tokens(): Token[] {
    if (this.joinedTokens) return this.joinedTokens;
    if (this.ids.length === 1) return (this.joinedTokens = this.corpus.tokensOf(this.ids[0]));
    const tokens: Token[] = [];
    let offset = 0;
    for (const id of this.ids) {
      for (const t of this.corpus.tokensOf(id)) tokens.push({ ...t, start: t.start + offset, end: t.end + offset });
      offset += this.corpus.statement(id).text.length + 2;
    }
    return (this.joinedTokens = tokens);
  }
}
