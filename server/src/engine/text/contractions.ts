// Contracted forms and what they stand for. Matching reads "won't" as "will not", so the two
// forms align word for word; the checker still reports the swap as a minor change.

export const CONTRACTIONS: Record<string, string> = {
  "won't": 'will not', "can't": 'can not', cannot: 'can not', "don't": 'do not', "doesn't": 'does not',
  "didn't": 'did not', "isn't": 'is not', "aren't": 'are not', "wasn't": 'was not', "weren't": 'were not',
  "hasn't": 'has not', "haven't": 'have not', "hadn't": 'had not', "wouldn't": 'would not',
  "shouldn't": 'should not', "couldn't": 'could not', "it's": 'it is', "that's": 'that is', "we're": 'we are',
  "they're": 'they are', "you're": 'you are', "i'm": 'i am', "we've": 'we have', "i've": 'i have',
  "they've": 'they have', "we'll": 'we will', "i'll": 'i will', "they'll": 'they will', "he's": 'he is',
  "she's": 'she is', "let's": 'let us', "there's": 'there is', "what's": 'what is', "i'd": 'i would',
  "we'd": 'we would', "you'll": 'you will', "you've": 'you have', "he'll": 'he will', "she'll": 'she will',
};
