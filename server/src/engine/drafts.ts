import { walkFiles } from './files';
import type { CorpusProblem } from './types';

const DRAFT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

/** Draft files named on a command line: files as given, folders walked for Markdown and plain text. */
export function listDrafts(paths: string[]): { files: string[]; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  const files = walkFiles(paths, DRAFT_EXTENSIONS, problems);
  return { files, problems };
}
