import * as fs from 'fs';
import * as path from 'path';
import type { CorpusProblem } from './types';

const DRAFT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

/** Draft files named on a command line: files as given, folders walked for Markdown and plain text. */
export function listDrafts(paths: string[]): { files: string[]; problems: CorpusProblem[] } {
  const files: string[] = [];
  const problems: CorpusProblem[] = [];
  const walk = (p: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ path: p, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code})` });
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (!name.startsWith('.') && name !== 'node_modules') walk(path.join(p, name), false);
      }
    } else if (explicit || DRAFT_EXTENSIONS.has(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  };
  for (const p of paths) walk(path.resolve(p), true);
  return { files, problems };
}
