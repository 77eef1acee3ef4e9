// Facts about each verdict that every front end shows the same way.
import type { Verdict } from './types';

/** Where each verdict is explained (a diagnostic's codeDescription, a SARIF rule's helpUri). */
export const DOCS_URL = 'https://github.com/verbatim-editor/verbatim/blob/main/docs/verdicts.md';
export function verdictHref(verdict: Verdict): string {
  return `${DOCS_URL}#${verdict}`;
}
