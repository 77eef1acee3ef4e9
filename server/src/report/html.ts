// The report as one self-contained HTML page: what `verbatim check --format html` writes and the
// editor's report view shows. The content is the engine's report model (engine/report.ts); the
// front end gives only how a jump to a line is linked (a relative file link for a file on disk,
// a message to the editor in its view) and, in the view, the script that sends that message.
import type { ReportItem, ReportModel, Words } from '../engine/report';
import { placeOf, sourcesOf } from '../engine/report';
import { REPORT_ORDER, VERDICT_FACTS, VERDICT_LABEL, VERDICTS, verdictIcon } from '../engine/verdicts';
import type { SourceRef } from '../engine/types';
import type { VerdictTone } from '../engine/verdicts';

export interface HtmlOptions {
  /** The link of a jump to a (zero-based) line of a file. */
  href(file: string, line: number): string;
  /** How a file is named in the report (a path relative to the workspace). */
  label(file: string): string;
  /** The view's Content-Security-Policy, when it has one. */
  csp?: string;
  /** The view's script and the nonce the policy allows it by. */
  script?: { nonce: string; code: string };
}

const CHIP_CLASS: Record<VerdictTone, string> = { accusing: 'bad', unconfirmed: 'warn', confirmed: 'ok' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A link that jumps to `line` of `file`: the data attributes carry the place for the view's script. */
function jump(o: HtmlOptions, file: string, line: number, text: string): string {
  return `<a class="jump" href="${escapeHtml(o.href(file, line))}" data-file="${escapeHtml(file)}" data-line="${line}">${escapeHtml(text)}</a>`;
}

function words(side: Words[], mark: 'ins' | 'del'): string {
  return side.map((w) => (w.changed ? `<${mark}>${escapeHtml(w.text)}</${mark}>` : escapeHtml(w.text))).join('');
}

function sourceMeta(o: HtmlOptions, src: SourceRef): string {
  const bits = [`<b>${escapeHtml(src.speaker)}</b>`];
  if (src.title) bits.push(`<i>${escapeHtml(src.title)}</i>`);
  if (src.date) bits.push(escapeHtml(src.date));
  // A statement from the newsroom's archive has no file to open.
  bits.push(
    src.origin === 'archive'
      ? escapeHtml(`archive: ${src.path}:${src.range.start.line + 1}`)
      : jump(o, src.path, src.range.start.line, src.page !== undefined || src.paragraph !== undefined ? `${o.label(src.path)}, ${placeOf(src)}` : `${o.label(src.path)}:${src.range.start.line + 1}`),
  );
  if (src.url && /^https?:\/\//i.test(src.url)) bits.push(`<a href="${escapeHtml(src.url)}">${escapeHtml(src.url.replace(/^https?:\/\//i, ''))}</a>`);
  return bits.join(' · ');
}

function problem(o: HtmlOptions, item: ReportItem): string {
  const f = item.finding;
  const out: string[] = [];
  out.push(`<article class="finding ${f.verdict}">`);
  out.push(
    `<header>${jump(o, item.file, item.line, `${o.label(item.file)}:${item.line + 1}`)}${f.speaker ? ` · <span class="speaker">${escapeHtml(f.speaker)}</span>` : ''} · <span class="message">${escapeHtml(f.message)}</span></header>`,
  );
  out.push('<table class="sides"><tr><th>Draft</th><th>Source</th></tr><tr>');
  out.push(`<td class="draft">“${words(item.draft, 'ins')}”</td>`);
  out.push(`<td class="source">${item.source ? `“${words(item.source, 'del')}”` : '<span class="none">No statement in the corpus has these words.</span>'}</td>`);
  out.push('</tr></table>');
  const sources = sourcesOf(f);
  if (sources.length)
    out.push(
      `<p class="meta">${sources.map((s, i) => (i > 0 ? `${f.verdict === 'stitched' ? 'Second statement' : 'Also'}: “${escapeHtml(short(s.text, 160))}” ` : '') + sourceMeta(o, s)).join('<br>')}</p>`,
    );
  if (f.fixes?.length) out.push(`<p class="fix">Fix in the editor: ${f.fixes.map((x) => escapeHtml(x.title)).join('; ')}</p>`);
  out.push('</article>');
  return out.join('\n');
}

function listed(o: HtmlOptions, item: ReportItem): string {
  const f = item.finding;
  const src = f.source ? ` — ${escapeHtml(f.source.speaker)}${f.source.title ? `, <i>${escapeHtml(f.source.title)}</i>` : ''}${f.source.date ? `, ${escapeHtml(f.source.date)}` : ''}` : '';
  const why = item.setAside === 'workspace' ? ' (hidden in this workspace)' : item.setAside === 'comment' ? ' (checked by hand)' : '';
  return `<li>${jump(o, item.file, item.line, `${o.label(item.file)}:${item.line + 1}`)} ${verdictIcon(f.verdict)} ${escapeHtml(VERDICT_LABEL[f.verdict])}${why}: “${escapeHtml(short(f.text, 160))}”${src}</li>`;
}

function short(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

const STYLE = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); color: var(--vscode-foreground, #1f1f1f); background: var(--vscode-editor-background, #fff); max-width: 70em; margin: 1em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.5em; margin-bottom: .2em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid var(--vscode-panel-border, #ddd); }
.summary { color: var(--vscode-descriptionForeground, #555); }
.counts span { display: inline-block; margin: .2em .4em .2em 0; padding: .1em .6em; border-radius: 1em; background: var(--vscode-badge-background, #eee); color: var(--vscode-badge-foreground, #222); }
.counts .bad { background: #c62828; color: #fff; } .counts .warn { background: #ef6c00; color: #fff; }
article.finding { border-left: 4px solid #c62828; padding: .3em .8em; margin: .8em 0; background: var(--vscode-textBlockQuote-background, #fafafa); }
${VERDICTS.filter((v) => VERDICT_FACTS[v].tone === 'unconfirmed')
  .map((v) => `article.${v}`)
  .join(', ')} { border-left-color: #ef6c00; }
table.sides { width: 100%; border-collapse: collapse; table-layout: fixed; margin: .4em 0; }
table.sides th { text-align: left; font-weight: 600; width: 50%; color: var(--vscode-descriptionForeground, #555); }
table.sides td { vertical-align: top; padding: .2em .6em .2em 0; }
ins { background: rgba(46, 160, 67, .25); text-decoration: none; font-weight: 600; }
del { background: rgba(248, 81, 73, .25); text-decoration: line-through; }
.meta, .fix { margin: .3em 0; font-size: .92em; } .none { font-style: italic; color: var(--vscode-descriptionForeground, #555); }
a { color: var(--vscode-textLink-foreground, #0b62c4); }
details { margin-top: 1.6em; } summary { font-size: 1.2em; font-weight: 600; cursor: pointer; }
li { margin: .3em 0; }
`;

/** The whole page. */
export function renderReportHtml(model: ReportModel, o: HtmlOptions): string {
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  if (o.csp) out.push(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(o.csp)}">`);
  out.push(`<title>Verbatim report: ${escapeHtml(model.title)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>Verbatim report: ${escapeHtml(model.title)}</h1>`);
  const problems = model.problems.reduce((n, g) => n + g.items.length, 0);
  out.push(
    `<p class="summary">${model.total} quote${model.total === 1 ? '' : 's'} and claims checked against ${model.corpus.statements} statement${model.corpus.statements === 1 ? '' : 's'} in ${model.corpus.documents} source document${model.corpus.documents === 1 ? '' : 's'}, ${escapeHtml(model.made.slice(0, 16).replace('T', ' '))} UTC: ` +
      `<b>${problems === 0 ? 'nothing to fix' : `${problems} to look at`}</b>.</p>`,
  );
  const chips = REPORT_ORDER.filter((v) => model.counts[v] > 0).map((v) => `<span class="${CHIP_CLASS[VERDICT_FACTS[v].tone]}">${verdictIcon(v)} ${model.counts[v]} ${v}</span>`);
  out.push(`<p class="counts">${chips.join('') || '<span>no quotes found</span>'}</p>`);
  for (const notice of model.notices) out.push(`<p class="summary">${escapeHtml(notice)}</p>`);
  for (const group of model.problems) {
    out.push(`<h2>${verdictIcon(group.verdict)} ${escapeHtml(group.label)} (${group.items.length})</h2>`);
    for (const item of group.items) out.push(problem(o, item));
  }
  if (model.setAside.length) {
    out.push(`<details><summary>Set aside (${model.setAside.length})</summary><ul>`, ...model.setAside.map((i) => listed(o, i)), '</ul></details>');
  }
  out.push(`<details><summary>✓ Verified (${model.verified.length})</summary><ul>`, ...model.verified.map((i) => listed(o, i)), '</ul></details>');
  if (o.script) out.push(`<script nonce="${escapeHtml(o.script.nonce)}">${o.script.code}</script>`);
  out.push('</body>', '</html>');
  return out.join('\n');
}
