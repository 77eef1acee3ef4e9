// The identity of the code that is running, when it runs from a bundle: scripts/bundle.js
// defines VERBATIM_BUILD_ID as a hash of every engine source file and the lockfile. Two
// processes with one build id run the same readers and tokenizer, so what one of them worked
// out from that code alone (the cache's engine fingerprint) holds for the other. Unbundled
// (tsc's out/, the tests and evals) there is no build id and nothing is taken on trust.

declare const VERBATIM_BUILD_ID: string | undefined;

export const BUILD_ID: string | null = typeof VERBATIM_BUILD_ID === 'string' ? VERBATIM_BUILD_ID : null;
