// The engine's public surface: everything the CLI, the language server and the
// benchmarks call. Plain TypeScript; never imports vscode or an LSP package.
export * from './types';
export { LineIndex } from './text/lineIndex';
export { extractQuotes } from './extract/extractQuotes';
export { Corpus } from './corpus/corpus';
export { loadCorpus } from './corpus/loadCorpus';
export type { CorpusOptions } from './corpus/corpus';
export { checkText, summarize, MAX_CHECKED_CHARS } from './check';
export { placeOf } from './report';
export type { CheckOptions } from './check';
export { loadConfig } from './config';
export { DEFAULT_SEVERITIES, VERDICT_FACTS, VERDICTS, verdictHref } from './verdicts';
export type { VerbatimConfig } from './config';
export { listSourceFiles, SOURCE_EXTENSIONS } from './corpus/corpus';
export { loadCorpusSteps, type CacheReport, type LoadProgress } from './corpus/loadCorpus';
export { corpusDrift, type CorpusDrift } from './corpus/drift';
export {
  openWorkspace,
  discoverWorkspace,
  severityOverrides,
  isInCorpus,
  draftFormat,
  findDrafts,
  checkOptionsFor,
  checkDraft,
  checkDraftWithArchive,
  indexCacheFolder,
  corpusOptionsFor,
  DRAFT_EXTENSIONS,
} from './workspace';
export type { Workspace, WorkspaceOverrides, DraftSearch } from './workspace';
export { userCacheFolder } from './userCacheFolder';
export { prepareDraft, checkPrepared, draftQuoteTokens, type PreparedDraft } from './check';
export { ArchiveClient, type ArchiveClientOptions, type ArchiveStatus, type ArchiveLookup } from './archive/client';
export { checkWithArchive } from './archive/checkDraft';
export { loadArchive, type ArchiveLoadOptions, type ArchiveLoadReport } from './archive/load';
export { isArchiveUrl, describeArchive, resolveCorpusEntry, splitCorpus } from './archive/connection';
export { hideFinding, markHidden, type HiddenFinding } from './hidden';
export { IncrementalCheck, piecesOf, type Piece } from './incremental';
export { decodeDraft, decodeText, isProbablyBinary } from './text/decode';
