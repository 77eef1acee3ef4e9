/**
 * A light English stemmer for comparing claims with statements: "discussed", "discusses" and
 * "discussing" meet at "discuss". It strips inflections only; it never has to be a dictionary word.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length <= 3) return w;
  if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/ied$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(w)) return w;
  if (/(ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (/s$/.test(w)) w = w.slice(0, -1);
  if (/eed$/.test(w)) return w;
  if (/(ed|ing)$/.test(w)) {
    const base = w.replace(/(ed|ing)$/, '');
    if (base.length >= 3 && /[aeiouy]/.test(base)) {
      if (/(.)\1$/.test(base) && !/(ll|ss|zz)$/.test(base)) return base.slice(0, -1);
      if (/(at|bl|iz|is)$/.test(base)) return base + 'e';
      return base;
    }
  }
  if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}
