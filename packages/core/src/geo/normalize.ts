const ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/**
 * The search form of a place name: no accents, lower case, hyphens, apostrophes and other
 * punctuation as spaces, single spaces, and the abbreviations `st`, `ste`, `sts`, `stes`
 * spelled out. "Saint-Agrève", "ST AGREVE" and "st-agrève" all become "saint agreve";
 * "L'Haÿ-les-Roses" becomes "l hay les roses"; "Œuilly" becomes "oeuilly".
 */
export function normalizePlaceName(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (plain === '') return '';
  return plain
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}
