// markdown-it-footnote ships no types: the plugin is a function of the parser.
declare module 'markdown-it-footnote' {
  import type MarkdownIt from 'markdown-it';
  const footnote: (md: MarkdownIt) => void;
  export = footnote;
}
