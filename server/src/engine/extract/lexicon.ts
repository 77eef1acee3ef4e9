// The lexicon of quote finding, attribution and claims: every word list the rules read, in one
// place and as data. A rule names the list it reads (extract/rules.ts); a list changes here,
// never inside a rule. Lists are lower case unless said otherwise.

// ---- Verbs that attribute speech (quotes)

/** Verbs of saying, in the forms news copy uses them. */
export const CUE_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'tell', 'wrote', 'writes', 'tweeted', 'tweets', 'posted', 'posts',
  'added', 'adds', 'continued', 'continues', 'explained', 'explains', 'stated', 'states', 'noted', 'notes',
  'argued', 'argues', 'asked', 'asks', 'replied', 'replies', 'responded', 'responds', 'insisted', 'insists',
  'declared', 'declares', 'announced', 'announces', 'remarked', 'observed', 'warned', 'warns', 'claimed',
  'claims', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'recalled', 'recalls', 'reported', 'reports',
  'reiterated', 'reiterates', 'emphasized', 'emphasised', 'stressed', 'stresses', 'conceded', 'concedes',
  'concluded', 'joked', 'jokes', 'quipped', 'complained', 'predicted', 'promised', 'promises', 'vowed', 'vows',
  'urged', 'urges', 'suggested', 'suggests', 'countered', 'testified', 'commented', 'cautioned', 'pledged',
  'boasted', 'charged', 'contended', 'maintained', 'lamented', 'mused', 'shouted', 'yelled', 'exclaimed',
  'whispered', 'blasted', 'slammed', 'touted', 'assured', 'confirmed', 'denied',
  'tweet', 'write', 'add', 'ask', 'describes', 'thundered', 'opined', 'predicts', 'retorted', 'scoffed',
  'called', 'calls', 'described', 'accused', 'accuses', 'condemned', 'praised', 'criticized', 'criticised',
  'blamed', 'cited', 'defended', 'dismissed', 'mocked', 'attacked', 'hailed', 'questioned', 'labeled', 'labelled',
  'demanded', 'answered', 'answers', 'asserted', 'asserts', 'interjected', 'snapped', 'sings', 'sang',
  // Participles, whose speaker opens the sentence: "…, saying “…”".
  'saying', 'telling', 'adding', 'writing', 'noting', 'arguing', 'insisting', 'warning', 'calling', 'describing',
  'tweeting', 'declaring', 'explaining', 'asking', 'claiming', 'stating', 'promising', 'vowing', 'urging',
] as const;

const CUE_SET = new Set<string>(CUE_VERBS);

/** A cue is written in lower case: "States" in "the United States" is a name, not a verb. */
export function isCueVerb(word: string): boolean {
  return CUE_SET.has(word);
}

/** Words that may stand between a speaker and the cue ("Miller later said", "he has said"). */
export const ADVERBS_BEFORE_CUE = new Set([
  'also', 'later', 'then', 'previously', 'earlier', 'again', 'once', 'has', 'have', 'had', 'was', 'is', 'were',
  'reportedly', 'repeatedly', 'often', 'recently', 'separately', 'publicly', 'privately', 'flatly', 'simply',
  'bluntly', 'quickly', 'finally', 'further', 'would', 'will', 'did', 'has', 'first', 'never', 'not', 'just', 'had',
  'famously', 'frequently', 'angrily', 'once', 'told', 'subsequently', 'initially', 'ultimately', 'last',
  'long', 'consistently', 'openly', 'loudly', 'strongly', 'firmly',
]);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/** Words that end a speaker phrase when read backwards from a cue. */
export const CLAUSE_WORDS = new Set([
  'that', 'and', 'but', 'which', 'when', 'while', 'as', 'because', 'where', 'who', 'whom', 'after', 'before',
  'if', 'though', 'although', 'since', 'so', 'or', 'what', 'how', 'why', 'until', 'than',
]);

/**
 * Verbs that put a short quoted phrase in someone's mouth without being cues of speech on
 * their own: "called him a “con man”", "likened the plan to “burning money”".
 */
const LOOSE_CUES = new Set([
  'call', 'calling', 'describe', 'describing', 'compared', 'compares', 'comparing', 'likened', 'likens', 'referred',
  'refers', 'referring', 'labels', 'labeling', 'labelling', 'dubbed', 'dubs', 'branded', 'brands', 'termed', 'terms',
  'deemed', 'proclaimed', 'proclaims', 'chanted', 'chanting', 'chant', 'decried', 'decries', 'denounced', 'denounces',
  'pledged', 'pledges', 'blasted', 'blasts', 'slammed', 'slams', 'encouraged', 'encourages', 'praises', 'cites', 'citing',
  'mocks', 'mocking', 'ridiculed', 'dismisses', 'characterized', 'characterizes', 'characterised', 'touts', 'demanded',
  'demands', 'alleged', 'alleges', 'lamented', 'laments', 'complains', 'criticizes', 'condemns', 'rated', 'rates', 'ruled',
  'rules', 'concluded', 'concludes', 'announcing', 'accusing', 'sings', 'sang', 'singing', 'invoked', 'invokes', 'echoed',
  'echoes', 'quoted', 'quotes', 'quoting', 'recounted', 'pointed', 'points', 'hailed', 'hails', 'derided', 'derides',
  'lambasted', 'scolded', 'attacked', 'attacks', 'assailed', 'ripped', 'rips', 'bashed', 'bashes', 'trashed', 'hammered',
  'vowing', 'pledging', 'promising', 'boasts', 'bragged', 'brags', 'joking', 'suggesting', 'urging', 'admitting',
  'acknowledging', 'conceding', 'predicting', 'insisting', 'referencing', 'referenced', 'highlighted', 'highlights',
  'stressing', 'emphasizing', 'reminded', 'exhorted', 'implored', 'begged', 'thanked', 'apologized', 'apologised',
  'went', 'goes', 'put', 'puts', 'wants', 'wanted', 'believes', 'believed', 'thinks', 'thought', 'feels', 'felt',
  'hopes', 'hoped', 'fears', 'feared', 'worries', 'worried', 'agreed', 'agrees', 'disagreed', 'pushed', 'sought',
  'seeks', 'offered', 'offers', 'proposed', 'proposes', 'wrote', 'writes', 'tweeted', 'tweets', 'posted',
]);

export function isLooseCue(word: string): boolean {
  return CUE_SET.has(word) || LOOSE_CUES.has(word);
}

/** Verbs of saying whose reported clause may hold several quoted phrases ("Ruiz said that the plan was “a mess” and the budget “a fantasy”"). */
export const REPORTED_CLAUSE_CUES = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'argued', 'argues', 'insisted', 'insists', 'claimed', 'claims', 'wrote', 'writes',
  'noted', 'notes', 'stated', 'explained', 'warned', 'predicted', 'contended', 'maintained', 'acknowledged', 'admitted', 'conceded',
]);

// ---- Speaker phrases and their clause (attribution)

export const WEEKDAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|night|morning|afternoon|evening|week|month|year|weekend)$/i;

export const MONTHS = /^(?:january|february|march|april|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|aug|sept?|oct|nov|dec)\.)$/i;

/** Sentence adverbs that open a comma group without naming anyone ("Meanwhile, Ruiz, the mayor, said"). */
export const SENTENCE_ADVERBS = new Set([
  'meanwhile', 'however', 'still', 'instead', 'now', 'yet', 'also', 'then', 'later', 'earlier', 'indeed', 'separately',
  'similarly', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'thus', 'so', 'but', 'and', 'last', 'yesterday',
  'today', 'tonight', 'instead', 'afterward', 'afterwards', 'finally', 'first', 'second', 'again', 'there', 'here',
]);

export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'some', 'many', 'several', 'two', 'three', 'four', 'both', 'other', 'one', 'most', 'few', 'no', 'all', 'these', 'those', 'this', 'that', 'each', 'every', 'another', 'any', 'such']);

export const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who']);

/** Plural nouns for groups of people that head a speaker phrase with its modifiers ("people close to the mayor", "critics of the plan"). */
export const GROUP_NOUNS = new Set([
  'people', 'critics', 'experts', 'analysts', 'economists', 'officials', 'residents', 'voters', 'supporters', 'opponents',
  'advocates', 'activists', 'leaders', 'members', 'specialists', 'scholars', 'researchers', 'scientists', 'observers',
  'insiders', 'allies', 'advisers', 'advisors', 'strategists', 'donors', 'democrats', 'republicans', 'partisans', 'sources',
  'aides', 'lawmakers', 'authorities', 'investigators', 'prosecutors', 'historians', 'doctors', 'lawyers', 'executives',
  'teachers', 'parents', 'workers', 'veterans', 'neighbors', 'witnesses', 'friends', 'colleagues', 'staffers', 'diplomats',
]);

/** Cue words that are also nouns: "a Trump tweet", "flurry of late-night tweets", "Republican claims". */
export const NOUN_CUES = new Set(['tweet', 'tweets', 'claims', 'calls', 'posts', 'reports', 'notes', 'states', 'promises', 'vows', 'remarks', 'says', 'write', 'ask', 'add', 'charged', 'cited']);

/** Opening words of a clause that set a scene rather than name a subject ("During the debate, …"). */
export const LEADING_ADJUNCT = /^(?:in|on|at|during|after|before|when|while|as|following|speaking|asked|since|though|although|if|because|with|without|for|from|despite|like|unlike|meanwhile|but|and|yet|so|still|also|earlier|later|then|now|however|last|this|by|under|over|through|amid|upon|instead|once|until|writing|appearing|addressing|responding|pressed|interviewed|separately|similarly|indeed|overall|already|elsewhere|here|there|today|yesterday|tonight)$/i;

/** After "told" or "asked" comes the listener, not the speaker. */
export const LISTENER_CUES = new Set(['told', 'tells', 'tell', 'asked', 'asks', 'ask', 'telling', 'asking', 'urged', 'urges', 'assured', 'warned', 'reminded']);

// ---- Verbs and nouns of indirect speech (claims)

/** Verbs that report what someone said, thinks or found, for indirect speech (finite forms). */
export const CLAIM_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'tell', 'wrote', 'writes', 'write', 'tweeted', 'added', 'adds', 'explained', 'explains',
  'stated', 'states', 'noted', 'notes', 'argued', 'argues', 'argue', 'insisted', 'insists', 'insist', 'declared', 'announced',
  'announces', 'claimed', 'claims', 'claim', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'recalled', 'reported',
  'reports', 'reiterated', 'emphasized', 'stressed', 'conceded', 'concluded', 'predicted', 'predicts', 'promised', 'promises',
  'vowed', 'vows', 'warned', 'warns', 'warn', 'predict', 'point', 'suggested', 'suggests', 'suggest', 'testified', 'contended', 'maintained', 'maintains',
  'confirmed', 'confirms', 'denied', 'denies', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'found',
  'finds', 'showed', 'shows', 'show', 'revealed', 'reveals', 'estimated', 'estimates', 'alleged', 'alleges', 'complained',
  'assured', 'pledged', 'agreed', 'asserted', 'asserts', 'indicated', 'indicates', 'speculated', 'hinted', 'boasted',
  'bragged', 'countered', 'replied', 'responded', 'observed', 'cautioned', 'lamented', 'worried', 'hoped', 'hopes', 'feared',
  'fears', 'charged', 'accused', 'accuses', 'learned', 'disclosed', 'projected', 'projects', 'forecast', 'expects', 'expected',
  'know', 'knows', 'knew', 'feel', 'feels', 'felt', 'fear', 'hope', 'expect', 'wonder', 'wondered', 'implied', 'signaled',
  'asked', 'asks', 'urged', 'urges', 'called', 'calls', 'described', 'describes', 'praised', 'praises', 'criticized',
  'criticizes', 'criticised', 'defended', 'defends', 'endorsed', 'endorses', 'endorsing', 'supports', 'supported', 'opposes',
  'opposed', 'wants', 'wanted', 'proposed', 'proposes', 'blamed', 'blames', 'questioned', 'questions', 'dismissed',
  'rejected', 'rejects', 'condemned', 'condemns', 'welcomed', 'welcomes', 'demanded', 'demands', 'recommended',
  'recommends', 'cited', 'cites', 'highlighted', 'mentioned', 'mentions', 'discussed', 'discusses', 'addressed',
  'invoked', 'touted', 'touts', 'attacked', 'attacks', 'slammed', 'slams', 'blasted', 'blasts', 'mocked', 'mocks',
  'seemed', 'seems', 'appeared', 'appears', 'considers', 'considered', 'sees', 'saw', 'see', 'doubt', 'doubts',
  'doubted', 'understand', 'understands', 'understood', 'recognized', 'recognizes', 'realized', 'plans', 'planned',
  'signalled', 'pointed', 'points', 'ruled', 'determined', 'decided', 'assumed', 'guessed', 'acknowledge', 'admit', 'agree', 'agrees', 'deny',
]);

/** Present forms, beyond the cue verbs, that set off a parenthetical attribution: "The plan, critics argue, will fail", "…, a report shows." */
export const PARENTHETICAL_PRESENT = new Set(['say', 'argue', 'write', 'believe', 'think', 'suggest', 'note', 'insist', 'claim', 'contend', 'warn', 'acknowledge', 'admit', 'agree', 'fear', 'predict', 'estimate', 'indicates', 'shows', 'finds', 'show', 'find']);

/** Verbs that report a finding after its content: "…, The Post has learned", "…, the audit found". */
export const REPORTING_AFTER = new Set(['learned', 'found', 'confirmed', 'estimated', 'concluded', 'believes', 'thinks', 'predicted', 'alleged', 'alleges', 'argues', 'argued', 'contends', 'contended', 'insists', 'insisted', 'maintains', 'maintained', 'admitted', 'acknowledged', 'revealed', 'disclosed', 'indicated', 'suggests', 'suggested']);

/** Cue forms that are more often nouns ("member states", "his plans", "renewed fears", "the support needed"). */
export const NOUN_OR_VERB = new Set(['states', 'plans', 'attacks', 'fears', 'support']);

/** Quantifiers that stand as a subject on their own ("all agreed that …", "both said …"); other determiners before a verb make it a noun ("the claims"). */
export const QUANTIFIER_SUBJECTS = new Set(['all', 'both', 'some', 'many', 'most', 'few', 'several', 'two', 'three', 'four', 'one']);

/** Verbs of intent and commitment whose content is an infinitive: "vowed to repeal the levy". */
export const INFINITIVE_VERBS = new Set([
  'vowed', 'vows', 'vow', 'promised', 'promises', 'promise', 'pledged', 'pledges', 'pledge', 'plans', 'plan', 'planned',
  'planning', 'wants', 'want', 'wanted', 'hopes', 'hope', 'hoped', 'hoping', 'intends', 'intend', 'intended', 'agreed',
  'agrees', 'agree', 'refused', 'refuses', 'refuse', 'declined', 'declines', 'threatened', 'threatens', 'offered', 'offers',
  'sought', 'seeks', 'seeking', 'claim', 'claims', 'claimed', 'proposed', 'proposes', 'vowing', 'promising', 'pledging',
  'urged', 'urges', 'urging', 'asked', 'asks', 'asking', 'called', 'calls', 'calling', 'encouraged', 'encourages', 'encouraging',
  'expects', 'expected', 'expect', 'decided', 'demanded', 'demands', 'demanding', 'warned', 'warns', 'warning',
]);

/** Of those, the ones that also take a bare clause ("claimed he won"); the rest want "to" or "that" ("wants the job" is no claim). */
export const BARE_CLAUSE_OK = new Set(['claim', 'claims', 'claimed', 'warned', 'warns', 'warning', 'demanded', 'demands', 'demanding', 'proposed', 'proposes', 'decided', 'expects', 'expected', 'expect', 'hopes', 'hope', 'hoped', 'hoping', 'agreed', 'agrees', 'agree', 'promised', 'promises', 'promise']);

/** Verbs of saying and thinking in the progressive or as a participle after a comma: "is warning that …", "…, saying …". */
export const ING_CLAIM_VERBS = new Set([
  'saying', 'telling', 'arguing', 'claiming', 'insisting', 'suggesting', 'warning', 'noting', 'adding', 'explaining',
  'demanding', 'urging', 'promising', 'vowing', 'pledging', 'predicting', 'asserting', 'stressing', 'acknowledging',
  'admitting', 'conceding', 'charging', 'alleging', 'contending', 'maintaining', 'hinting', 'signaling', 'declaring',
  'announcing', 'reporting', 'writing', 'tweeting', 'questioning', 'calling', 'asking', 'planning', 'hoping', 'seeking',
  'threatening', 'touting', 'boasting', 'complaining', 'denying', 'confirming', 'pointing', 'encouraging', 'proposing',
]);

export const STANCE_VERBS = new Set(['supports', 'supported', 'support', 'opposes', 'opposed', 'oppose', 'endorsed', 'endorses', 'endorse', 'favors', 'favored', 'favours', 'favoured']);

/** Nouns of saying whose "that" clause is a claim: "a Harbor Gazette report that …", "Ruiz's claim that …". */
export const CLAIM_NOUNS = new Set([
  'report', 'claim', 'assertion', 'allegation', 'argument', 'suggestion', 'statement', 'warning', 'promise', 'pledge',
  'accusation', 'charge', 'insistence', 'prediction', 'finding', 'estimate', 'announcement', 'contention', 'admission',
  'boast', 'complaint', 'remark', 'comments', 'vow', 'threat', 'belief', 'view',
]);

export const TIME_AND_MANNER_AFTER_CUE = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|recently|earlier|later|again|repeatedly|privately|publicly)$/i;

/** "called for a special prosecutor", "pushed for new rules", "supports the levy": a demand or stance as an object. */
export const OBJECT_AFTER = /^(?:call(?:s|ed|ing)?|push(?:es|ed|ing)?|argu(?:es|ed|ing)|advocat(?:es|ed|ing))$/;

// ---- What a speaker phrase is made of (titles, roles, organisations)

export const TITLE_WORDS = new Set([
  'presidential', 'vice-presidential', 'running', 'mate', 'gubernatorial', 'congressional',
  'president', 'vice', 'secretary', 'state', 'prime', 'minister', 'spokesperson', 'spokesman', 'spokeswoman',
  'press', 'senator', 'sen', 'sen.', 'rep', 'rep.', 'representative', 'congressman', 'congresswoman', 'governor',
  'gov', 'gov.', 'mayor', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'us', 'u.s.', 'department',
  'ambassador', 'chairman', 'chairwoman', 'chair', 'ceo', 'general', 'gen.', 'adviser', 'advisor', 'national',
  'security', 'director', 'deputy', 'chief', 'staff', 'of', 'the', 'foreign', 'defense', 'defence', 'attorney',
  'treasury', 'leader', 'speaker', 'house', 'senate', 'majority', 'minority', 'former', 'candidate', 'nominee',
  'republican', 'democratic', 'democrat', 'gop', 'campaign', 'manager', 'chancellor', 'king', 'queen', 'pope',
  'judge', 'justice', 'sir', 'lord', 'dame', 'professor', 'prof.', 'coach', 'captain', 'lt.', 'col.', 'sgt.',
  'israeli', 'american', 'british', 'french', 'german', 'russian', 'chinese', 'iranian', 'ukrainian', 'white',
  'senior', 'official', 'officials', 'administration', 'and', 'for', 'to', 'on', 'in', 'executive', 'founder',
  'commissioner', 'secretary-general', 'first', 'lady', 'assistant', 'communications', 'homeland', 'health',
  'commerce', 'energy', 'education', 'labor', 'agriculture', 'interior', 'transportation', 'u.n.', 'un', 'eu',
  'european', 'union', 'commission', 'special', 'envoy', 'counsel', 'sheriff', 'police', 'officer',
]);

export const ROLE_NOUNS = new Set([
  'president', 'secretary', 'minister', 'spokesperson', 'spokesman', 'spokeswoman', 'senator', 'governor',
  'mayor', 'ambassador', 'chairman', 'chairwoman', 'official', 'officials', 'adviser', 'advisor', 'director',
  'candidate', 'nominee', 'leader', 'speaker', 'chancellor', 'judge', 'representative', 'congressman',
  'congresswoman', 'envoy', 'aide', 'aides', 'source', 'sources', 'diplomat', 'diplomats', 'officer', 'sheriff',
  'commissioner', 'chief', 'analyst', 'expert', 'lawmaker', 'lawmakers', 'campaign', 'businessman', 'billionaire',
  'reporter', 'host', 'witness', 'investigator', 'prosecutor', 'prosecutors', 'lawyer', 'attorney', 'executive',
]);

export const ORG_WORDS = new Set([
  'office', 'department', 'ministry', 'agency', 'committee', 'campaign', 'post', 'times', 'news', 'inc', 'inc.',
  'company', 'party', 'council', 'government', 'administration', 'white house', 'house', 'kremlin', 'pentagon',
  'commission', 'bureau', 'service', 'association', 'foundation', 'institute', 'university', 'group', 'network',
  'journal', 'reuters', 'axios', 'cnn', 'fbi', 'cia', 'nato', 'un', 'police', 'court', 'board', 'corp', 'corp.',
  'team', 'organization', 'organisation', 'union', 'embassy', 'press', 'magazine', 'tribune', 'herald', 'guardian',
  'observer', 'telegraph', 'broadcasting', 'fund', 'bank', 'council', 'statement', 'spokesperson', 'nbc', 'abc',
  'cbs', 'fox', 'msnbc', 'politico', 'bloomberg', 'ap', 'afp', 'bbc', 'npr', 'breitbart',
]);

export const PRONOUN_WORDS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them']);

// ---- Headlines

/** Headline verbs that put words in a speaker's mouth besides the cues ("Ruiz Sees ‘…’"). */
export const HEADLINE_VERBS = new Set(['sees', 'speaks', 'reveals', 'hammers', 'rips', 'knocks', 'backs', 'defends', 'vows', 'urges', 'says', 'tells', 'calls', 'warns', 'blasts', 'slams', 'accuses', 'admits', 'pushes', 'questions', 'praises', 'responds', 'fires', 'hits', 'explains', 'insists', 'denies', 'claims', 'predicts']);

// ---- What a speaker phrase is never made of (issue 15)

/** Closed-class words that never name a speaker on their own ("But", "Some", "At", "His", "It's", "WATCH"). */
export const NOT_A_SPEAKER = new Set([
  // determiners and quantifiers
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'any', 'no', 'every', 'each', 'either', 'neither', 'all',
  'both', 'few', 'many', 'much', 'more', 'most', 'less', 'least', 'several', 'such', 'another', 'other', 'enough', 'one',
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands', 'millions',
  // pronoun forms that are no subject, and words standing for no one
  'him', 'his', 'her', 'hers', 'its', 'their', 'theirs', 'them', 'me', 'my', 'mine', 'our', 'ours', 'us', 'your', 'yours',
  "it's", 'it’s', 'there', 'here', 'something', 'anything', 'nothing', 'everything', 'somebody', 'anybody', 'nobody',
  'everybody', 'everyone', 'anyone', 'whoever', 'whatever', 'whenever', 'wherever', 'anyway', 'anyhow', 'anywho', 'what', 'which', 'whom', 'whose', 'how', 'why', 'where', 'when',
  // prepositions
  'at', 'in', 'on', 'of', 'to', 'for', 'from', 'with', 'without', 'by', 'about', 'after', 'before', 'during', 'since',
  'until', 'into', 'onto', 'over', 'under', 'between', 'among', 'against', 'through', 'across', 'around', 'behind',
  'beyond', 'despite', 'except', 'inside', 'outside', 'near', 'per', 'toward', 'towards', 'upon', 'via', 'within', 'like',
  'unlike', 'amid', 'as', 'than', 'according', 'along', 'throughout', 'beside', 'besides', 'above', 'below', 'off',
  'himself', 'herself', 'itself', 'themselves', 'ourselves', 'myself', 'yourself', 'rather', 'likewise',
  // conjunctions and adverbs that open a sentence
  'and', 'but', 'or', 'nor', 'so', 'yet', 'because', 'although', 'though', 'while', 'whereas', 'if', 'unless', 'whether',
  'once', 'however', 'therefore', 'meanwhile', 'moreover', 'furthermore', 'nevertheless', 'nonetheless', 'thus', 'hence',
  'instead', 'otherwise', 'also', 'still', 'then', 'now', 'later', 'earlier', 'last', 'first', 'next', 'finally', 'again',
  'already', 'even', 'just', 'only', 'somehow', 'perhaps', 'maybe', 'indeed', 'really', 'actually', 'ultimately',
  'eventually', 'recently', 'currently', 'yesterday', 'today', 'tomorrow', 'tonight', 'not', 'yes', 'please', 'having',
  'asked', 'speaking', 'often', 'hastily', 'clearly', 'certainly', 'obviously', 'apparently', 'reportedly', 'separately',
  // a pronoun fused with its verb
  "i'm", "he's", "she's", "we're", "they're", "you're", "i've", "we've", "they've", "i'll", "he'll", "she'll", "we'll",
  "they'll", "i'd", "he'd", "she'd", "we'd", "they'd", "that's", "there's", "what's", "who's", "let's", "here's",
  // a web page's furniture
  'watch', 'read', 'listen', 'related', 'update', 'video', 'photos', 'advertisement',
]);

/** Auxiliaries and modals: a speaker phrase holding one is a clause ("officials haven't", "Bardos must"). */
export const AUXILIARY_WORDS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would',
  'shall', 'should', 'can', 'could', 'may', 'might', 'must', "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
  "hadn't", "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", 'cannot', "couldn't", "shouldn't", "mustn't",
]);

/** Conjunctions and sentence adverbs that open a sentence before its subject: "But Ruiz", "And then Ruiz". */
export const LEADING_CONNECTIVES = new Set([
  'and', 'but', 'or', 'so', 'yet', 'still', 'then', 'also', 'now', 'meanwhile', 'however', 'instead', 'even', 'indeed',
  'finally', 'later', 'earlier', 'again', 'moreover', 'separately', 'similarly', 'plus', 'thus',
]);

/** Words that end no noun phrase: a speaker phrase ending with one is a fragment ("of the email to"). */
export const NO_PHRASE_END = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'every', 'each', 'his', 'her', 'their', 'its', 'our', 'my', 'your',
  'at', 'in', 'on', 'of', 'to', 'for', 'from', 'with', 'by', 'about', 'after', 'before', 'during', 'into', 'over',
  'than', 'as', 'and', 'but', 'or', 'nor', 'if', 'because', 'although', 'though', 'whether', 'that', 'not', 'very',
  'off', 'what', 'whose', 'which', 'more', 'much', 'other', 'so', 'such', 'some', 'any', 'no', 'another',
]);

/** Prepositions, which open no speaker phrase even capitalised ("Outside Carrier's", "Like Allen"). */
export const PREPOSITIONS = new Set([
  'at', 'in', 'on', 'of', 'to', 'for', 'from', 'with', 'without', 'by', 'about', 'after', 'before', 'during', 'since',
  'until', 'into', 'onto', 'over', 'under', 'between', 'among', 'against', 'through', 'across', 'around', 'behind',
  'beyond', 'despite', 'except', 'inside', 'outside', 'near', 'per', 'toward', 'towards', 'upon', 'via', 'within', 'like',
  'unlike', 'amid', 'as', 'than', 'along', 'throughout', 'beside', 'besides', 'above', 'below', 'if', 'although', 'though',
  'because', 'while', 'when', 'whether', 'unless', 'once',
]);

/** Quantifiers floated after a subject ("Ruiz and Ortiz both said", "they all agreed"): not part of the speaker. */
export const FLOATING_QUANTIFIERS = new Set(['both', 'all', 'each', 'alike', 'too']);

/** Adverbs standing between a subject and its verb ("He also said", "Ruiz now calls"): no part of the speaker. */
export const ADVERBS_AFTER_SUBJECT = new Set(['also', 'now', 'then', 'later', 'again', 'still', 'even', 'just', 'once', 'first', 'previously', 'earlier', 'further', 'instead', 'meanwhile', 'similarly', 'likewise']);

/** Adverbs in -ly ("Significantly", "Initially"): a suffix no common surname has ("Kelly", "Schlafly" have not). */
export const LY_ADVERB = /(?:ally|ently|antly|ively|ously|ingly|edly|fully|lessly|ately|ially|ortly|ckly|ntly|rly|ssly)$/i;

/** A share of a group: "half of", "75 percent of", "a majority of", "large majorities of", "one in four". */
export const SHARE_OF = /^(?:(?:about|nearly|almost|roughly|only|just|more than|over|fewer than|less than|some|at least)\s+)?(?:half|a\s+third|a\s+quarter|two-thirds|a\s+majority|(?:large\s+|narrow\s+)?majorities|\d[\d.,]*\s*(?:percent|%)|one\s+in\s+\w+|\w+\s+in\s+(?:10|ten|four|five|three))\s+of\b/i;

/** Documents that speak for their author: "a statement from the Harbour Board", "Ruiz's letter". */
export const DOCUMENT_NOUNS = new Set([
  'statement', 'statements', 'release', 'report', 'letter', 'email', 'e-mail', 'memo', 'tweet', 'post', 'filing', 'notice',
  'message', 'note', 'news', 'bulletin', 'submission', 'affidavit', 'brief', 'transcript', 'announcement', 'advisory',
]);

/** Nouns that describe an organisation: "the utility", "the company", "the federal department". */
export const ORG_HEADS = new Set([
  'company',
  'utility',
  'firm',
  'team',
  'club',
  'department',
  'agency',
  'ministry',
  'commission',
  'union',
  'railway',
  'railroad',
  'airline',
  'bank',
  'insurer',
  'retailer',
  'carrier',
  'league',
  'board',
  'government',
  'regulator',
  'institute',
  'organization',
  'organisation',
  'automaker',
  'corporation',
  'corp',
  'business',
  'group',
  'party',
  'council',
  'court',
  'military',
  'police',
  'force',
  'service',
  'school',
  'university',
  'college',
  'hospital',
  'charity',
  'association',
  'federation',
  'tank',
  'watchdog',
  'authority',
  'office',
  'province',
  'city',
  'municipality',
  'district',
  'broadcaster',
  'newspaper',
  'publisher',
  'network',
  'manufacturer',
  'miner',
  'producer',
  'developer',
  'operator',
  'provider',
  'giant',
  'startup',
  'chain',
  'brand',
]);

/** Nouns that describe one person: "the rookie defenceman", "the Kentucky Republican", "the 32-year-old labourer". */
export const PERSON_HEADS = new Set([
  'republican',
  'democrat',
  'liberal',
  'conservative',
  'defenceman',
  'defenseman',
  'coach',
  'star',
  'player',
  'goalie',
  'goaltender',
  'wing',
  'winger',
  'forward',
  'centre',
  'center',
  'captain',
  'veteran',
  'woman',
  'man',
  'mother',
  'father',
  'actor',
  'actress',
  'singer',
  'rapper',
  'author',
  'writer',
  'economist',
  'analyst',
  'lawyer',
  'politician',
  'premier',
  'rookie',
  'quarterback',
  'pitcher',
  'striker',
  'driver',
  'businessman',
  'businesswoman',
  'billionaire',
  'entrepreneur',
  'founder',
  'ceo',
  'host',
  'comedian',
  'filmmaker',
  'pastor',
  'priest',
  'doctor',
  'physician',
  'nurse',
  'scientist',
  'researcher',
  'professor',
  'mp',
  'mla',
  'mpp',
  'councillor',
  'councilor',
  'trustee',
  'detective',
  'constable',
  'labourer',
  'laborer',
  'worker',
  'teen',
  'teenager',
  'student',
  'girl',
  'boy',
  'fighter',
  'brawler',
  'champion',
  'athlete',
  'skier',
  'skater',
  'swimmer',
  'runner',
  'boxer',
  'golfer',
  'musician',
  'artist',
  'chef',
  'owner',
  'farmer',
  'activist',
  'advocate',
  'newcomer',
  'refugee',
  'survivor',
  'victim',
  'witness',
  'manager',
  'candidate',
  'nominee',
  'leader',
  'senator',
  'governor',
  'mayor',
  'minister',
  'secretary',
  'president',
  'chairman',
  'chairwoman',
  'chair',
  'executive',
  'director',
  'commissioner',
]);

/** Words that may open a speaker phrase though they name no one alone ("the mayor", "some economists", "one official"). */
export const DETERMINERS_OPENING = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'some',
  'many',
  'most',
  'several',
  'both',
  'all',
  'few',
  'one',
  'another',
  'other',
  'no',
  'each',
  'every',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'any',
  'such',
  'more',
  'less',
  'much',
  'either',
  'neither',
  'enough',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
]);

/** Subordinators that may stand before a subject read as a speaker phrase ("As Ruiz noted"). */
export const SUBORDINATORS = new Set(['as', 'when', 'while', 'after', 'before', 'once', 'since', 'though', 'although', 'because', 'until']);
