// The rules of quote finding, attribution and claims: every heuristic has an id, a one-line doc,
// examples, and what it reads and how far. The code of a rule stays where it runs (quoteMarks.ts,
// extractQuotes.ts, attribution.ts, claims.ts) and says `applied('id')` where it decides; each
// extracted quote and claim carries the ids of the rules that produced it or vetoed a reading of
// it, and `eval:extraction` and the case files (test/cases/) count them by id.

/** What a rule does to a reading: finds a quote, claim or speaker, or vetoes one. */
export type RuleEffect = 'finds' | 'vetoes';

export interface Rule {
  readonly id: string;
  readonly effect: RuleEffect;
  /** One line: what the rule decides. */
  readonly doc: string;
  /** Sentences it is written for (the rule's part in brackets where it helps). */
  readonly examples: readonly string[];
  /** What it reads, and how far. */
  readonly reads: string;
}

const PARAGRAPH = 'the paragraph';
const SENTENCE = 'the sentence, up to 800 characters from the quote';

export const RULES = [
  // ---- Quotation marks (quoteMarks.ts)
  { id: 'marks.double', effect: 'finds', doc: 'Double marks (straight or typographic, in any mix) pair into quotes within a paragraph.', examples: ['“We will rebuild,” Ruiz said.'], reads: PARAGRAPH },
  { id: 'marks.single', effect: 'finds', doc: 'Single marks make quotes only in a paragraph with no double marks (British style).', examples: ["‘We will rebuild,’ Ruiz said."], reads: PARAGRAPH },
  { id: 'marks.doubled-apostrophes', effect: 'finds', doc: "Two apostrophes stand for a double mark (archive style).", examples: ["''It is,'' she said."], reads: 'the two characters around the pair' },
  { id: 'marks.continued', effect: 'finds', doc: 'A quote left open at a paragraph end continues when the next paragraph opens with a mark.', examples: ['“We will rebuild. ¶ “And we will do it this year,” Ruiz said.'], reads: 'the next paragraph' },
  { id: 'marks.unclosed-to-end', effect: 'finds', doc: 'An opened quote never closed runs to its paragraph end (the closing mark left out).', examples: ['“We will rebuild the pier this year.'], reads: PARAGRAPH },
  { id: 'marks.turn-label', effect: 'finds', doc: 'A transcript quoted turn by turn: a new speaker label ends the quote before it.', examples: ['“WALLACE: Will you? ¶ “PENCE: Well, look.'], reads: 'the 40 characters after the opening mark' },
  { id: 'marks.unclosed-holds-cue', effect: 'vetoes', doc: 'An unclosed quote whose text holds an attribution lost its closing mark somewhere: dropped, not guessed.', examples: ['“We will rebuild it, Ruiz said.'], reads: 'the quoted text' },
  { id: 'marks.block-quote', effect: 'finds', doc: 'A Markdown block quote is one quotation.', examples: ['> We will rebuild the pier.'], reads: 'the block' },
  { id: 'marks.stage-direction', effect: 'vetoes', doc: 'A parenthesised stage direction between turns is nobody’s words.', examples: ['“(CROSSTALK)'], reads: PARAGRAPH },

  // ---- Quotes (extractQuotes.ts)
  { id: 'quote.merge-split', effect: 'finds', doc: 'Two marked spans with a short cue between them (comma or colon) are one quotation split by its attribution.', examples: ['“We will rebuild,” Ruiz said, “and soon.”'], reads: 'the words between the two spans (10 at most)' },
  { id: 'quote.no-words', effect: 'vetoes', doc: 'Marks around no letter or digit quote nothing.', examples: ['“…”'], reads: 'the quoted text' },
  { id: 'quote.title-of-work', effect: 'vetoes', doc: 'A short Title Case phrase after a possessive, a preposition or a kind of work, or naming the thing after it, is a title.', examples: ['on NBC’s “Meet the Press”', 'a “Vote No” sign'], reads: '40 characters before, 30 after' },
  { id: 'quote.scare-marker', effect: 'vetoes', doc: 'A short quote after "so-called", "the term", "dubbed"… is a term, not speech.', examples: ['the so-called “deal”'], reads: '24 characters before the quote' },
  { id: 'quote.turn-label', effect: 'finds', doc: 'A quoted transcript turn names its speaker in its label.', examples: ['“PENCE: Well, look, …”'], reads: 'the start of the quote' },
  { id: 'quote.headline-speaker', effect: 'finds', doc: 'A quote in a headline takes the name its headline gives ("Ruiz: …", "Ruiz Says …").', examples: ['Ruiz: ‘We Will Not Sell the Port’'], reads: 'the headline (first paragraph, 25 words at most)' },
  { id: 'quote.loose-cue', effect: 'finds', doc: 'A short phrase after a verb of saying or naming in its sentence is put in the subject’s mouth.', examples: ['Ortiz called the plan “a disgrace.”'], reads: SENTENCE },
  { id: 'quote.loose-cue-list', effect: 'vetoes', doc: 'Another quote between the loose cue and this one carries the cue only as a list of phrases.', examples: ['…,” a date the “experts” doubt'], reads: 'the words since the last quote' },
  { id: 'quote.headline-no-speaker', effect: 'finds', doc: 'A short quote in a headline with no speaker there is kept, unattributed.', examples: ['A ‘Mess’ at City Hall'], reads: 'the headline' },
  { id: 'quote.follow-on', effect: 'finds', doc: 'A quoted sentence right after an attributed quote in its paragraph is the same speaker’s.', examples: ['“We will,” he said. “This is all me.”'], reads: 'the words since the last quote (6 at most), same paragraph' },
  { id: 'quote.sentence-subject-short', effect: 'finds', doc: 'A short phrase with no cue is put in the mouth of a named person opening its sentence.', examples: ['Ortiz likened the plan to “burning money.”'], reads: 'the sentence up to the quote, 20,000 characters back for the first name' },
  { id: 'quote.short-without-cue', effect: 'vetoes', doc: 'A short quote with no cue and no speaker is a scare quote or a title.', examples: ['a “historic” vote'], reads: 'the sentence' },
  { id: 'quote.not-speech', effect: 'vetoes', doc: 'A long quote with no cue that neither opens nor fills a sentence, or is in Title Case, is no quotation.', examples: ['the Act to “Restore Public Trust in Local Government Agencies”'], reads: 'the quoted text' },
  { id: 'quote.sentence-subject', effect: 'finds', doc: 'A named subject opening the quote’s sentence speaks when no cue names anyone.', examples: ['Ruiz leaned in and boomed: “We will rebuild.”'], reads: 'the sentence up to the quote' },
  { id: 'quote.context-subject', effect: 'finds', doc: 'A quotation standing alone takes the last person or organisation that was a sentence’s subject before it (its paragraph and the one before), unless a cue named a speaker since.', examples: ['Ruiz toured the flooded quay. ¶ “We will rebuild it.”'], reads: '12 sentences, 3 paragraphs back' },
  { id: 'quote.context-speaker', effect: 'finds', doc: 'A quotation standing alone continues the speaker of the paragraphs before it.', examples: ['Ruiz said the pier would reopen. ¶ “We will rebuild it.”'], reads: '3 paragraphs back, 200 mentions' },

  // ---- Attribution of a quote (extractQuotes.ts, attribution.ts)
  { id: 'attr.inside-split', effect: 'finds', doc: 'The words between a split quote’s fragments attribute it.', examples: ['“We will,” Ruiz said, “rebuild.”'], reads: 'the words between the fragments' },
  { id: 'attr.signature', effect: 'finds', doc: 'A dash and a name closing the paragraph sign the quote.', examples: ['“The buses never come.” ― Lena Marsh'], reads: '120 characters after the quote' },
  { id: 'attr.question-ends', effect: 'finds', doc: 'A quote ending in ? or ! ends no sentence: its attribution may follow in the next one.', examples: ['“Is that all?” Ruiz asked.'], reads: 'the next sentence' },
  { id: 'attr.after', effect: 'finds', doc: 'A cue and speaker after the quote, within its sentence.', examples: ['“We will rebuild,” Ruiz said.'], reads: SENTENCE },
  { id: 'attr.before', effect: 'finds', doc: 'A cue before the quote in its sentence, the nearest one winning.', examples: ['Ruiz said the pier was “a wreck.”'], reads: SENTENCE },
  { id: 'attr.cue-nearest-quote', effect: 'vetoes', doc: 'A cue belongs to the quote right after it: a short phrase further on is a term.', examples: ['Ruiz said, “We will rebuild,” and called it a “fresh start.”'], reads: 'the words from the cue to the quote' },
  { id: 'attr.reported-clause', effect: 'finds', doc: 'Every quoted phrase of a clause reported by a verb of saying is the speaker’s.', examples: ['Ruiz said the plan was “a mess” and the budget “a fantasy.”'], reads: 'the words from the cue to the quote' },
  { id: 'attr.name-colon', effect: 'finds', doc: 'A name and a colon introduce the quote.', examples: ['More from Ana Ruiz: “We will rebuild.”'], reads: '200 characters before the quote' },
  { id: 'attr.page-furniture', effect: 'vetoes', doc: '"Story continues below" is a web page’s furniture, not a cue.', examples: ['Story continues below advertisement'], reads: 'the word after the cue' },
  { id: 'attr.document-lead-in', effect: 'finds', doc: 'A document’s words before a colon ("Ruiz’s statement read in part:") are its author’s.', examples: ['Ruiz’s statement read in part: “We will rebuild.”'], reads: '200 characters before the quote, the paragraph before a block' },
  { id: 'speaker.document-source', effect: 'finds', doc: 'A document as the speaker ("a statement from X", "X’s statement") speaks for its author.', examples: ['According to a statement from the Harbour Board, “…”'], reads: 'the speaker phrase and 80 characters after it' },
  { id: 'attr.block-lead-in', effect: 'finds', doc: 'A block quote takes the attribution of the line before it ending in a colon.', examples: ['Ruiz said: ¶ > We will rebuild.'], reads: 'the paragraph before the block' },
  { id: 'attr.block-dash', effect: 'finds', doc: 'A dash and a name on the line after a block quote sign it.', examples: ['> We will rebuild. ¶ — Ana Ruiz'], reads: 'the paragraph after the block (120 characters)' },
  { id: 'attr.block-around', effect: 'finds', doc: 'A block quote takes a cue in the paragraph after it, else the one before.', examples: ['> We will rebuild. ¶ Ruiz said that on Monday.'], reads: 'the paragraphs before and after' },
  { id: 'attr.according-to', effect: 'finds', doc: '"according to X" attributes to X.', examples: ['“It is over,” according to Ana Ruiz.'], reads: 'the words after "to" up to punctuation' },
  { id: 'attr.inverted', effect: 'finds', doc: 'A cue right after the quote with the speaker after it.', examples: ['“We will,” said Ana Ruiz.'], reads: '10 words after the cue' },
  { id: 'attr.inverted-past-role', effect: 'finds', doc: 'After an inverted cue, past a role to the name in apposition.', examples: ['“…,” wrote the ambassador at the time, Ana Ruiz.'], reads: '10 words after the cue, then 10 after the comma' },
  { id: 'attr.inverted-role-name', effect: 'finds', doc: 'After an inverted cue, lower-case role words (which may hold "and" or "of") and then a full name closing the clause: the name speaks.', examples: ['“…,” said oil and gas worker Ana Ruiz.'], reads: '8 words after the cue, then 4 capitalised words' },
  { id: 'attr.inverted-time', effect: 'vetoes', doc: 'A weekday or month after an inverted cue is a time, not a name.', examples: ['“…,” said Tuesday'], reads: 'the word after the cue' },
  { id: 'attr.new-clause', effect: 'vetoes', doc: 'A conjunction right after the quote opens another clause, not an attribution.', examples: ['“…,” but stopped short of calling it a crime.'], reads: 'the first word after the quote' },
  { id: 'attr.second-verb', effect: 'vetoes', doc: 'A cue after "and"/"but" is another verb of the sentence’s subject.', examples: ['“…” to the plan and warned it would fail.'], reads: 'the word before the cue' },
  { id: 'attr.participle-needs-name', effect: 'vetoes', doc: 'A participle after a quote attributes it only with a capitalised subject.', examples: ['“…,” saying more later'], reads: 'the words before the participle' },
  { id: 'attr.noun-cue', effect: 'vetoes', doc: 'A cue word used as a noun ("a Trump tweet", "Republican claims", "was charged") is no cue.', examples: ['in a late-night tweet'], reads: '3 words before the cue' },
  { id: 'attr.determiner-noun', effect: 'vetoes', doc: 'A loose cue word after a determiner is a noun.', examples: ['likened the rules to “…”'], reads: 'the word before' },
  { id: 'attr.put-it', effect: 'finds', doc: '"As X put it" is a cue.', examples: ['As Ruiz put it, “We will rebuild.”'], reads: 'the two words' },
  { id: 'attr.participle', effect: 'finds', doc: 'A participle cue ("…, saying") takes the subject of the main clause.', examples: ['Ortega attacked the mayor, saying, “He has failed.”'], reads: SENTENCE },
  { id: 'attr.participle-own-subject', effect: 'finds', doc: 'A participle with a subject of its own ("with Ruiz saying", "footage of Ruiz saying").', examples: ['footage of Ruiz saying “we will rebuild”'], reads: '5 words before the participle' },
  { id: 'attr.main-subject', effect: 'finds', doc: 'When the words before a cue name no one, the main clause’s subject speaks.', examples: ['Ruiz stopped short of it and said “…”'], reads: 'the sentence from its start, 25 words past an opening adjunct' },
  { id: 'attr.clause-subject', effect: 'finds', doc: 'A cue that read no speaker takes the subject of its sentence’s main clause: a person, a pronoun or an organisation.', examples: ['Ruiz praised the crews but described the budget as “a work in progress.”'], reads: 'the sentence up to the cue (300 characters)' },
  { id: 'attr.verb-by-form', effect: 'finds', doc: 'A quote closing on a comma, ? or ! is followed by its attribution whatever the verb: a subject and a tensed verb (or a past form with a particle) ending the clause, or a verb and a name.', examples: ['“…,” Ruiz shot back.', '“…,” scolded Ruiz.'], reads: '120 characters after the quote' },
  { id: 'attr.shared-subject', effect: 'finds', doc: 'A second verb after "and"/"but" shares the main clause’s subject.', examples: ['Ruiz, the mayor, toured the site and said “…”'], reads: 'the sentence from its start' },
  { id: 'attr.inverted-before', effect: 'finds', doc: 'A cue before the quote with a name after it ("said Miller").', examples: ['Said Ana Ruiz: “We will.”'], reads: '10 words after the cue' },
  { id: 'attr.adverb-before-cue', effect: 'finds', doc: 'Auxiliaries and adverbs between the subject and the cue are skipped.', examples: ['Ruiz later said', 'he has said'], reads: 'the words right before the cue' },
  { id: 'attr.time-before-cue', effect: 'finds', doc: 'A time between an apposition and the cue is skipped.', examples: ['Ana Ruiz, the mayor, on Friday described …'], reads: '4 words before the cue' },
  { id: 'attr.apposition', effect: 'finds', doc: 'Before comma groups, the group that reads as a person’s name speaks.', examples: ['Gene Sperling, a top adviser, said'], reads: '6 comma groups of 24 words' },
  { id: 'attr.relative-who', effect: 'finds', doc: 'A relative clause before the cue describes the name before it.', examples: ['Ana Ruiz, who chairs the board, said'], reads: '6 comma groups before "who"' },
  { id: 'attr.trailing-adjunct', effect: 'finds', doc: 'A time or place between speaker and cue is not part of the speaker.', examples: ['Blinken on Thursday tweeted'], reads: 'the speaker phrase' },
  { id: 'attr.leading-adjunct', effect: 'finds', doc: 'A leading "in a statement" no comma closed is not part of the speaker.', examples: ['In a statement Ruiz said'], reads: 'the speaker phrase' },

  // ---- Speakers (extractQuotes.ts)
  { id: 'speaker.pronoun', effect: 'finds', doc: 'A pronoun resolves to the nearest fitting speaker named with a cue before it.', examples: ['Ruiz said … ¶ “We will,” she said.'], reads: '3 paragraphs back, 200 mentions' },
  { id: 'speaker.pronoun-subject', effect: 'finds', doc: '"he"/"she" resolves to the last person ("it" to the last organisation) who was a sentence’s subject before it, unless a cue named a speaker since; a sentence whose subject is the same pronoun is passed over with the speakers it cites.', examples: ['Ana Ruiz and Piet Vos met. Ruiz thanked Vos for coming. “…,” she said.'], reads: '12 sentences, 3 paragraphs back' },
  { id: 'speaker.pronoun-full-name', effect: 'finds', doc: '"he"/"she" with no person as subject in the sentences of its paragraph before it takes the last person named there by first name and surname.', examples: ['I asked barber Tomas Brandt about it. “…,” he said.'], reads: 'the sentences of the pronoun’s paragraph before it' },
  { id: 'speaker.role', effect: 'finds', doc: 'A role noun ("the secretary") resolves to the nearest speaker whose phrase holds that role.', examples: ['Secretary Ana Ruiz said … “…,” the secretary said.'], reads: '3 paragraphs back, 200 mentions' },
  { id: 'speaker.introduced', effect: 'finds', doc: 'A role noun resolves to someone introduced with that title at a sentence’s start, even without a cue.', examples: ['Secretary Ana Ruiz toured the pier. “…,” the secretary said.'], reads: '3 paragraphs back, 2,000 characters each' },
  { id: 'speaker.pronoun-named-before', effect: 'finds', doc: '"he"/"she" with no cue-named antecedent takes the person named in the nearest paragraph (compromise on a small window).', examples: ['Ana Ruiz toured the pier. “…,” she said.'], reads: '3 paragraphs back, 2,000 characters each; 30,000 characters of compromise an extraction' },
  { id: 'speaker.capital-title', effect: 'finds', doc: '"the President" with a capital names its holder and is kept as the speaker.', examples: ['“…,” the President said.'], reads: 'the speaker phrase' },
  { id: 'speaker.not-a-phrase', effect: 'vetoes', doc: 'A speaker phrase that is a closed-class word, a clause or a fragment names no one.', examples: ['“…,” Some said.', 'Those who had fought in the war said …'], reads: 'the speaker phrase' },
  { id: 'speaker.common-word', effect: 'vetoes', doc: 'A lone capitalised word compromise’s lexicon calls a participle, past tense, adjective, adverb or time, never introduced as a surname, is no speaker (the sentence’s subject is looked for instead).', examples: ['Continuing, Ruiz said the pier was “a wreck.”'], reads: 'the speaker phrase' },
  { id: 'speaker.connective-trimmed', effect: 'finds', doc: 'A conjunction or sentence adverb opening a speaker phrase is not part of it.', examples: ['But Ruiz said “…”'], reads: 'the speaker phrase' },
  { id: 'speaker.clause-trimmed', effect: 'finds', doc: 'An auxiliary ending a speaker phrase belongs to the verb: the name before it speaks.', examples: ['Ruiz wouldn’t say whether …'], reads: 'the speaker phrase' },
  { id: 'speaker.titled-name', effect: 'finds', doc: 'A description of a role ("the Ohio governor") points back to the nearest name the article gave that title ("Ohio Gov. Ana Ruiz") or apposition ("Ana Ruiz, the Ohio governor,"), its capitalised modifiers near it.', examples: ['Ohio Gov. Ana Ruiz … “…,” the Ohio governor said.'], reads: '3,000 characters back' },
  { id: 'speaker.description-name', effect: 'finds', doc: 'A description of an organisation ("the railway") points back to a name before it holding its head word.', examples: ['Canadian Harbour Railway … the railway said'], reads: '3,000 characters back' },
  { id: 'speaker.apposition-role', effect: 'finds', doc: 'A description ("the rookie defenceman") points back to the name an apposition gave that role.', examples: ['Caleb Jones, a rookie defenceman, … the rookie defenceman said'], reads: '3,000 characters back' },
  { id: 'speaker.description-type', effect: 'finds', doc: 'Else a description takes the nearest speaker named before of its kind: an organisation for "the utility", a person for "the Kentucky Republican".', examples: ['“…,” Coastal Power said. … the utility said'], reads: '3 paragraphs back, 200 mentions' },
  { id: 'speaker.trailing-claim-cue', effect: 'finds', doc: 'A name and a verb of thinking or reporting closing a sentence after a comma ("…, Foster believes.") name whom the sentence reports: a later "he" may point back to it.', examples: ['Porters changed the country, Ruiz believes. “…,” he says.'], reads: 'the last 80 characters of each sentence' },
  { id: 'speaker.capital-apposition', effect: 'finds', doc: 'A sentence subject followed by an apposition that opens with a capital and a comma closing it before the verb ("Ana Ruiz, Lakeside MP, said") is the name, not the apposition.', examples: ['Ana Ruiz, Lakeside MP, said she drove in the convoy. “…,” she said.'], reads: '60 characters after the subject' },
  { id: 'speaker.lede-description', effect: 'finds', doc: 'An indefinite description of a person speaking in an article’s first paragraphs ("A Vancouver hockey coach says …") is the full name that is the subject of one of the next two sentences.', examples: ['A harbour pilot says “…”. / Martin Ekholm said …'], reads: 'the next 2 sentences, in the first 3 paragraphs' },
  { id: 'speaker.unresolved', effect: 'vetoes', doc: 'A back reference nothing before it fits is no speaker (unattributed, not guessed).', examples: ['“…,” the spokesperson said.'], reads: 'the mentions before' },

  // ---- Claims (claims.ts, extractQuotes.ts)
  { id: 'claim.according-to-opening', effect: 'finds', doc: '"According to X, CONTENT."', examples: ['According to Ruiz, the pier opens in May.'], reads: 'the sentence' },
  { id: 'claim.according-to-closing', effect: 'finds', doc: '"CONTENT, according to X."', examples: ['The pier opens in May, according to Ruiz.'], reads: 'the sentence' },
  { id: 'claim.parenthetical', effect: 'finds', doc: '"CONTENT, X said." and "The museum, Ruiz said, will open …".', examples: ['The pier opens in May, Ruiz said.'], reads: 'the sentence; 16 words after each comma for the verb' },
  { id: 'claim.parenthetical-inverted', effect: 'finds', doc: '"CONTENT, said X" with a name or group after the verb.', examples: ['The pier opens in May, said Ana Ruiz.'], reads: '10 words after the verb' },
  { id: 'claim.parenthetical-new-clause', effect: 'vetoes', doc: 'A conjunction after the comma opens a clause with its own content.', examples: ['…, but Lee argued it would fail.'], reads: 'the word after the comma' },
  { id: 'claim.parenthetical-clause-after', effect: 'vetoes', doc: 'A clause after "X said" is its own content, not a time or place.', examples: ['…, the campaign has denied it happened.'], reads: 'the words after the verb' },
  { id: 'claim.adjunct-opening', effect: 'finds', doc: 'A scene-setting opening before "X said," is not content; the content follows.', examples: ['But in recent days, aides say, the deal is off.'], reads: 'the words before the comma (6 at most)' },
  { id: 'claim.nominal', effect: 'finds', doc: 'A noun of saying with a named source and a "that" clause.', examples: ['a Harbor Gazette report that the pier is sinking'], reads: '5 capitalised words before the noun, 200 words after' },
  { id: 'claim.headline-case', effect: 'finds', doc: 'A Title Case headline’s verbs are read in lower case.', examples: ['Ruiz Says The Ferry Will Run By June'], reads: 'the sentence' },
  { id: 'claim.verb', effect: 'finds', doc: '"X said (that) CONTENT": a verb of saying, thinking or intent with a plausible speaker before it.', examples: ['Ruiz said the pier opens in May.'], reads: 'the sentence, 200 words past the verb' },
  { id: 'claim.progressive', effect: 'finds', doc: 'A verb of saying in the progressive ("is warning").', examples: ['Ruiz is warning that the pier will close.'], reads: 'two words before the verb' },
  { id: 'claim.participle', effect: 'finds', doc: '"…, saying CONTENT": the main clause’s subject speaks.', examples: ['Ruiz closed the depot, saying the buses were unsafe.'], reads: 'the sentence from its start' },
  { id: 'claim.noun-cue', effect: 'vetoes', doc: 'A cue word used as a noun (after a determiner, "Oz’s show", "percentage points") is no claim.', examples: ['member states', 'renewed fears'], reads: '3 words before' },
  { id: 'claim.inverted-name', effect: 'vetoes', doc: '"…, said Ana Ruiz": the verb’s object is a name, not content.', examples: ['The pier opens, said Ana Ruiz.'], reads: '10 words after the verb' },
  { id: 'claim.who-antecedent', effect: 'finds', doc: '"X, who said …": the noun phrase before "who" speaks.', examples: ['a young child, who said the water tasted odd'], reads: '6 words before "who"' },
  { id: 'claim.shared-subject', effect: 'finds', doc: '"X thanked the crowd and said …": the first verb’s subject.', examples: ['Cruz thanked the crowd and said he would stay.'], reads: 'the sentence from its start' },
  { id: 'claim.subject-head', effect: 'finds', doc: 'A long subject’s head: the words before its first preposition.', examples: ['Political observers in Ohio and around the country say …'], reads: '30 words before the verb' },
  { id: 'claim.no-speaker', effect: 'vetoes', doc: 'No plausible speaker before the verb: no claim.', examples: ['stopped short of saying the plan works'], reads: 'the subject phrase' },
  { id: 'claim.intent-verb', effect: 'finds', doc: '"X declined to say": the verb of intent is not part of the speaker.', examples: ['Ruiz declined to say whether …'], reads: 'the speaker phrase' },
  { id: 'claim.verb-inside', effect: 'vetoes', doc: 'An auxiliary or modal inside the speaker phrase makes it a clause.', examples: ['Readers may not let editorials tell them …'], reads: 'the speaker phrase' },
  { id: 'claim.not-a-subject', effect: 'vetoes', doc: 'A question, an imperative or a "but" phrase is no subject.', examples: ['Do you know …', 'Now tell us …'], reads: 'the speaker phrase' },
  { id: 'claim.quotation-attribution', effect: 'vetoes', doc: 'The attribution of a quotation ("“…,” Ruiz told reporters") is no claim unless a "that" clause follows.', examples: ['“We will,” Ruiz told reporters after the meeting.'], reads: 'the word before the speaker' },
  { id: 'claim.as-clause', effect: 'finds', doc: '"As X noted, CONTENT": the content follows the comma closing the "as" clause.', examples: ['As Ruiz pointed out, the depot is unsafe.'], reads: '12 words after the verb' },
  { id: 'claim.listener', effect: 'finds', doc: 'The listener of "told", "urged", "asked" is not content.', examples: ['Ruiz told reporters on Monday that …'], reads: '8 words after the verb' },
  { id: 'claim.time-and-place', effect: 'finds', doc: 'Time and manner words between the verb and its content are skipped.', examples: ['Ruiz said on Friday she met …', 'said in a statement the pier …'], reads: '3 phrases after the verb' },
  { id: 'claim.that-after-adjuncts', effect: 'finds', doc: 'A "that" after adjuncts opens the content.', examples: ['Ruiz said on Monday in a statement that …'], reads: '12 words after the verb' },
  { id: 'claim.stops-before-quotation', effect: 'finds', doc: 'The content stops before a quotation it introduces after a comma or colon.', examples: ['Ruiz warned, saying, “Maybe …”'], reads: '200 words after the verb' },
  { id: 'claim.infinitive', effect: 'finds', doc: 'A verb of intent (or a listener) before "to" makes the infinitive the content.', examples: ['Ruiz vowed to repeal the levy.'], reads: 'the word after the verb' },
  { id: 'claim.no-infinitive', effect: 'vetoes', doc: '"to" after a verb that takes no infinitive is no claim.', examples: ['Ruiz said to the crowd'], reads: 'the word after the verb' },
  { id: 'claim.object-for', effect: 'finds', doc: '"called for", "pushed for": the demand is the content.', examples: ['Ruiz called for a special prosecutor.'], reads: 'the word after the verb' },
  { id: 'claim.preposition-after', effect: 'vetoes', doc: 'A preposition after the verb ("spoke of", "said about") introduces no content.', examples: ['Ruiz told of the flood.'], reads: 'the word after the verb' },
  { id: 'claim.object-not-claim', effect: 'vetoes', doc: 'A verb of intent with an object ("wants the job") is no claim.', examples: ['Ruiz wants the job.'], reads: '6 words after the verb' },
  { id: 'claim.relative-ends-at-comma', effect: 'finds', doc: 'A relative clause between commas ends at its comma.', examples: ['Pilots, who have long argued that the channel is shallow, oppose the plan.'], reads: 'the content' },
  { id: 'claim.stance-too-long', effect: 'vetoes', doc: 'A stance verb ("supports") with a long object is an act, not a claim.', examples: ['Ruiz supports the plan to build …'], reads: 'the content (12 words)' },
  { id: 'claim.too-short', effect: 'vetoes', doc: 'Content of fewer than 3 words or 8 characters is no claim.', examples: ['Ruiz said so.'], reads: 'the content' },
  { id: 'claim.second-speaker', effect: 'finds', doc: 'A second speaker after a clause boundary ends the first claim’s content.', examples: ['Ruiz said the depot is safe, but Lee argued it should close.'], reads: 'the content' },
  { id: 'claim.inside-previous', effect: 'vetoes', doc: 'A claim inside the content of one before it is part of it.', examples: ['Ruiz said the board believes the pier is safe.'], reads: 'the previous claim' },
  { id: 'claim.mostly-quoted', effect: 'vetoes', doc: 'Content that is mostly quoted is a quote, not a claim.', examples: ['Ruiz said “we will rebuild the pier this year.”'], reads: 'the content' },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r]));

/**
 * The rules applied since extraction began, in order. Extraction is synchronous and runs one
 * document at a time, so one log serves; a reader marks where its item begins and takes the
 * ids since then.
 */
let log: RuleId[] = [];

/** Records that a rule decided. */
export function applied(id: RuleId): void {
  log.push(id);
}

/** Starts a new log (one extraction). */
export function resetRules(): void {
  log = [];
}

/** Where the log stands now. */
export function rulesMark(): number {
  return log.length;
}

/** The rules applied since `mark`, each once, in order of first use. */
export function rulesSince(mark: number, extra: readonly RuleId[] = []): RuleId[] {
  const seen = new Set<RuleId>(extra);
  for (let i = mark; i < log.length; i++) seen.add(log[i]);
  return [...seen];
}

/** True for a rule that vetoes a reading. */
export function isVeto(id: RuleId): boolean {
  return RULE_BY_ID.get(id)?.effect === 'vetoes';
}
