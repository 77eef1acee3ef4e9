import * as fs from 'fs';
import * as path from 'path';
import { listSourceFiles, type Corpus } from './corpus';

/** What differs between the source files on disk and what an index holds of them. */
export interface CorpusDrift {
  /** New files, and files whose size or modification time moved since they were read. */
  changed: string[];
  /** Files the index holds that are no longer on disk (or no longer under the paths). */
  removed: string[];
}

/**
 * Compares the files under `paths` with the index, by size and modification time (no file is
 * read). An editor's file watcher does not report what changed while it was starting, nor the
 * files inside a folder copied in at once (only the folder); this finds them.
 */
export function corpusDrift(corpus: Corpus, paths: readonly string[]): CorpusDrift {
  const listed = new Set(listSourceFiles(paths.filter((p) => fs.existsSync(p))).map((f) => path.resolve(f)));
  const changed: string[] = [];
  for (const file of listed) {
    const entry = corpus.files.get(file);
    if (!entry) {
      changed.push(file);
      continue;
    }
    try {
      const stat = fs.statSync(file);
      if (stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) changed.push(file);
    } catch {
      // Gone between the listing and now: the next comparison finds it removed.
    }
  }
  const removed = [...corpus.files.keys()].filter((file) => !listed.has(file));
  return { changed, removed };
}
