// The words that attribute speech. Kept as data so the extractor's rules stay readable.

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
