import * as path from 'path';

/** The repository root, from a compiled test in out/test/... */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const EXAMPLES = path.join(REPO_ROOT, 'examples');
export const SEED_ARTICLE = path.join(EXAMPLES, 'sources', 'seed-article.txt');
