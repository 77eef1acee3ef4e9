// Globs on a command line that no shell expanded: `'drafts/**/*.md'` quoted, or any glob from
// a Windows shell, which never expands them. Matched by picomatch (the matcher of
// micromatch, chokidar and fast-glob).
import * as path from 'path';
import * as fs from 'fs';
import picomatch from 'picomatch';
import { walkFiles } from './files';
import type { CorpusProblem } from './types';

export function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/** The files a glob matches: its fixed leading folders walked for `extensions`, each file matched whole. */
export function expandGlob(glob: string, cwd: string, extensions: ReadonlySet<string>, skip: (p: string, isFolder: boolean) => boolean, problems: CorpusProblem[]): string[] {
  const posix = (p: string) => p.split(path.sep).join('/');
  const pattern = path.isAbsolute(glob) ? posix(glob) : path.posix.join(posix(cwd), posix(glob));
  const base = picomatch.scan(pattern).base || '/';
  if (!fs.existsSync(base)) return [];
  const matches = picomatch(pattern);
  return walkFiles([base], extensions, problems, skip).filter((f) => matches(posix(f)));
}
