// Email saved as .eml (a statement sent to the newsroom, a source's reply): parsed with
// postal-mime (MIME parts, encodings, encoded headers). The sender is the author, the subject
// the title, the date the date; the text is the plain-text part (else the HTML part's text)
// without the reply history: quoted lines (`>`), the "On … wrote:" line before them, an
// "Original Message" block, and the signature after "-- ". Runs in the document thread
// (documentThread.ts), as postal-mime is asynchronous.

import { isoDay, joinParagraphs, type DocumentText } from './documents';
import { readHtml } from './html';

/** A paragraph that only greets or signs off ("Hi,", "Dear Ms. Roe,", "Best regards,"): nobody's statement. */
const GREETING =
  /^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^\n.!?]{0,40}[,!:]?|(?:thanks|thank you|many thanks|best|best regards|kind regards|regards|cheers|sincerely|all the best)[,!.]?(?:\s*\n[^\n]{0,60}){0,2})$/i;

export async function readEmail(bytes: Uint8Array): Promise<DocumentText | { problem: string }> {
  const { default: PostalMime } = await import('postal-mime');
  let email;
  try {
    email = await PostalMime.parse(bytes);
  } catch (error) {
    return { problem: `not a readable email: ${(error as Error).message}` };
  }
  if (!email.from && !email.subject && !email.text && !email.html) return { problem: 'not an email: no sender, subject or body' };
  const body = email.text ?? (email.html ? readHtml(email.html).text : '');
  const paragraphs = withoutReplyHistory(body)
    .split(/\n[ \t]*\n/)
    .filter((p) => !GREETING.test(p.trim()));
  const { text, starts } = joinParagraphs(paragraphs);
  const meta: Record<string, string> = {};
  if (email.subject) meta.title = email.subject.replace(/^(?:(?:re|fwd?|aw|wg)\s*:\s*)+/i, '').trim();
  const date = isoDay(email.date);
  if (date) meta.date = date;
  const doc: DocumentText = { text, meta, problems: text ? [] : ['an email with no text to read'], layout: { units: { unit: 'paragraph', starts } } };
  const sender = email.from?.name?.trim() || email.from?.address?.trim();
  if (sender) doc.author = sender;
  return doc;
}

/** The body a sender wrote: quoted replies, the line that introduces them, old messages and the signature cut. */
export function withoutReplyHistory(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^-- ?$/.test(line) || /^-{2,}\s*Original Message\s*-{2,}$/i.test(line.trim()) || /^_{10,}$/.test(line.trim())) break;
    if (/^\s*>/.test(line)) continue;
    // "On Tue, 5 Mar 2024 at 10:02, Jane Roe <jane@example.org> wrote:" (it may wrap onto a second line).
    const next = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    if (/^\s*On\b.{0,200}\bwrote:\s*$/.test(line) || (/^\s*On\b/.test(line) && /^.{0,120}\bwrote:\s*$/.test(lines[i + 1] ?? '') && /^\s*>/.test(lines[i + 2] ?? ''))) {
      if (/^\s*>/.test(next) || /wrote:\s*$/.test(line)) {
        if (!/wrote:\s*$/.test(line)) i++;
        continue;
      }
    }
    kept.push(line);
  }
  return kept.join('\n');
}
