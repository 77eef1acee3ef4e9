// What the Verbatim language server and its clients agree on beyond standard LSP: command ids,
// custom notifications and the shapes of their payloads. Plain data, no imports from the engine
// at run time, so the VS Code client can import this file too.
import type { CacheReport } from '../engine/corpus/loadCorpus';
import type { Finding, Verdict } from '../engine/types';
import type { ReportModel } from '../engine/report';
import type { ArchiveStatus } from '../engine/archive/client';

/** `workspace/executeCommand` ids the server implements. Distinct from the client's palette ids. */
export const ServerCommands = {
  /** args: [uri: string] → CheckDocumentResult */
  checkDocument: 'verbatim.server.checkDocument',
  /** args: [] → CheckWorkspaceResult */
  checkWorkspace: 'verbatim.server.checkWorkspace',
  /** args: [] → CorpusStatus (after the rebuild) */
  rebuildIndex: 'verbatim.server.rebuildIndex',
  /** args: [AddStatementParams] → AddStatementResult */
  addStatement: 'verbatim.server.addStatement',
  /** args: [HideFindingParams] → HideFindingResult: records the finding in the config file's `hidden` list */
  hideFinding: 'verbatim.server.hideFinding',
  /** args: [uri?: string] → ServerInfo (used by tests and the status bar tooltip) */
  info: 'verbatim.server.info',
} as const;

/** A client command the server's code lenses name: args [uri: string, range: Range]. */
export const OPEN_SOURCE_COMMAND = 'verbatim.openSource';

/** Server → client: the corpus state changed. */
export const StatusNotification = 'verbatim/status';
/** Server → client: a document was checked. */
export const DocumentSummaryNotification = 'verbatim/documentSummary';

export type CorpusState = 'starting' | 'indexing' | 'ready' | 'noCorpus';

export interface CorpusStatus {
  state: CorpusState;
  /** The workspace folder this status is of (a multi-root workspace has one corpus per folder). */
  folder: string;
  /** Absolute corpus paths in force. */
  corpusPaths: string[];
  documents: number;
  statements: number;
  problems: { path: string; message: string }[];
  /** Files indexed so far / in all, while indexing. */
  done?: number;
  total?: number;
  /** Problems in the configuration (verbatim.json). */
  configProblems: string[];
  /** The folder a client may offer to create when there is no corpus. */
  suggestedCorpusFolder?: string;
  /** What the last load did with the persisted index; absent when there is none. */
  cache?: IndexCacheStatus;
  /** The newsroom's archive, when the corpus names one: connecting, ready, or unreachable (and why). */
  archive?: ArchiveStatus;
}

/** What the persisted index did at the last load (the engine's report), and where it lives. */
export type IndexCacheStatus = CacheReport & {
  /** The cache folder: the workspace's `.verbatim/`, or one in the editor's storage. */
  folder: string;
};

export type VerdictCounts = Record<Verdict, number>;

export interface DocumentSummary {
  uri: string;
  version: number;
  counts: VerdictCounts;
  /** Quotes and claims found. */
  total: number;
  /** Findings that carry a diagnostic (severity other than none, not ignored). */
  issues: number;
  /** Verified or supported. */
  verified: number;
  ignored: number;
}

export interface CheckDocumentResult {
  uri: string;
  path: string;
  summary: VerdictCounts;
  findings: Finding[];
  corpus: { documents: number; statements: number };
  /** The report a writer reads before filing (the client renders it, as the CLI's --format html does). */
  report: ReportModel;
}

export interface CheckWorkspaceResult {
  files: { uri: string; path: string; summary: VerdictCounts; findings: Finding[] }[];
  summary: VerdictCounts;
  corpus: { documents: number; statements: number };
  report: ReportModel;
}

export interface AddStatementParams {
  speaker: string;
  text: string;
  /** The draft the words were selected in: the statement goes into its workspace folder's corpus. */
  uri?: string;
  /** Where the words come from (shown as the statement's title). */
  title?: string;
  url?: string;
  date?: string;
}

/** A finding to hide in this workspace: its draft, verdict and quote text. */
export interface HideFindingParams {
  uri: string;
  verdict: Verdict;
  quote: string;
}

export interface HideFindingResult {
  /** The config file the finding was recorded in. */
  configFile: string;
}

export interface AddStatementResult {
  /** The corpus file the statement was appended to. */
  path: string;
  status: CorpusStatus;
}

export interface ServerInfo {
  pid: number;
  version: string;
  /** The status of the folder of the uri asked about, else of the first folder. */
  status: CorpusStatus;
  /** Every workspace folder's status, in the client's order. */
  folders: CorpusStatus[];
  /** Full checks (commands); pieces of drafts checked as you type, and how many came from the cache. */
  checks: { full: number; pieces: number; pieceCacheHits: number };
  /** Megabytes. `heapUsedMb` is live data only when `afterFullGc` (the server started with --expose-gc). */
  memory: { rssMb: number; heapUsedMb: number; afterFullGc: boolean };
}

/** What a diagnostic carries in `data` for its code actions. */
export interface DiagnosticData {
  verdict: Verdict;
  /** Offsets of the quoted words in the document version the diagnostic was made for. */
  span: { start: number; end: number };
  version: number;
  quote: string;
  /** The speaker the quote is attributed to, as resolved (a canonical name), or null. */
  speaker: string | null;
}
