/**
 * French free-text opening hours to OSM `opening_hours`, as far as they can
 * be converted. Written for the hour strings of the France Services files
 * (`9:00 - 12:00 / Sur RDV : 14:00 - 17:00`, `1er mercredi du mois : …`,
 * `Semaines paires : …`, `Sept. - Juin : … // Été : …`, `Horaires non
 * communiqués`) and for what a person types (`Du lundi au vendredi : 9h-12h`).
 *
 * What cannot be converted is never guessed: it is returned in `unconverted`,
 * as written, so that the caller keeps the original text for people to read.
 *
 * @module
 */
import { formatTime, serializeOpeningHours } from '../hours/index.js';
import type { Month, OpeningHoursRule, TimeRange, WeekdaySelector } from '../hours/index.js';
import type { IsoWeekday } from '../time/index.js';
import { mergeRanges } from './day-cell.js';
import type { MinuteRange } from './day-cell.js';

/** An OSM weekday. */
export type OsmWeekday = 'Mo' | 'Tu' | 'We' | 'Th' | 'Fr' | 'Sa' | 'Su';

/** The OSM weekdays, Monday first. */
export const OSM_WEEKDAYS: readonly OsmWeekday[] = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/**
 * How much of a text was converted:
 * - `full`: everything (possibly after repairs such as `12:` read as `12:00`);
 * - `partial`: some parts, the others are in `unconverted`;
 * - `none`: nothing could be converted;
 * - `closed`: the text says closed (`-`, `Fermé`, or empty for one day);
 * - `unknown`: the text says the hours are not known (`Horaires non communiqués`).
 */
export type FrenchHoursStatus = 'full' | 'partial' | 'none' | 'closed' | 'unknown';

/** The result of {@link frenchHoursToOsm}. */
export interface FrenchHoursResult {
  /**
   * OSM `opening_hours` for what was converted (written by the hours
   * module's `serializeOpeningHours`); `undefined` when nothing was or when
   * the hours are unknown. Appointment-only ranges carry the comment
   * `"sur rendez-vous"`. A day that could not be converted has no rule: keep
   * the original text next to it for people to read.
   */
  readonly osm: string | undefined;
  readonly status: FrenchHoursStatus;
  /** The parts of the text that could not be converted, as written. */
  readonly unconverted: string[];
  /** What was corrected to read the text (`"17:" read as 17:00`), in English. */
  readonly repairs: string[];
}

/** The result of {@link frenchWeekToOsm}: the whole week, and each day's own result. */
export interface FrenchWeekResult extends FrenchHoursResult {
  readonly days: Partial<Record<OsmWeekday, FrenchHoursResult>>;
}

// ---------------------------------------------------------------------------
// The model: per day, groups of ranges under a selector.

/** Conditions narrowing a rule (OSM wide-range selectors and `[n]`). */
interface Selector {
  /** Whole months, `Sep-Jun` (may wrap over New Year). */
  readonly months?: { readonly from: Month; readonly to: Month };
  /** ISO week parity. */
  readonly weeks?: 'even' | 'odd';
  /** The nth weekday of the month, `-1` for the last. */
  readonly nth?: readonly number[];
}

/** What one day does under one selector. */
interface Group {
  readonly selector: Selector;
  open: MinuteRange[];
  appointment: MinuteRange[];
  off: boolean;
}

/** One day's converted program. */
interface DayProgram {
  groups: Map<string, Group>;
  unconverted: string[];
  repairs: string[];
  status: FrenchHoursStatus;
  /** How many parts of this day's text were converted (possibly into another day's rules). */
  converted: number;
}

function selectorKey(s: Selector): string {
  return `${s.months ? `${s.months.from}-${s.months.to}` : ''}|${s.weeks ?? ''}|${s.nth?.join(',') ?? ''}`;
}

function groupOf(program: DayProgram, selector: Selector): Group {
  const key = selectorKey(selector);
  let group = program.groups.get(key);
  if (!group) {
    group = { selector, open: [], appointment: [], off: false };
    program.groups.set(key, group);
  }
  return group;
}

// ---------------------------------------------------------------------------
// Text helpers.

const FRENCH_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
const DAY_WORD = '(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?';

const ACCENTS: Record<string, string> = {
  à: 'a', â: 'a', ä: 'a', á: 'a', ç: 'c', é: 'e', è: 'e', ê: 'e', ë: 'e', î: 'i', ï: 'i', í: 'i', ô: 'o', ö: 'o', ó: 'o', ù: 'u', û: 'u', ü: 'u', ú: 'u', ÿ: 'y',
};

/** Lower case without accents, one character for one character (indexes stay valid). */
function fold(text: string): string {
  const lower = text.toLowerCase();
  const out = lower.replace(/[àâäáçéèêëîïíôöóùûüúÿ]/g, (c) => ACCENTS[c] ?? c);
  return out.length === text.length ? out : text;
}

/** Spaces, dashes and time typography made regular; what is repaired is told. */
function normalise(text: string, repairs: string[]): string {
  let out = text.replace(/[\u00a0\u202f\u2007\t\r\n]/g, ' ').replace(/[\u2012-\u2015\u2212]/g, '-');
  if (/\d::\d/.test(out)) {
    repairs.push('"::" read as ":"');
    out = out.replace(/(\d)::(\d)/g, '$1:$2');
  }
  // "17 :00", "17 : 00", "12 :30" → "17:00" (spacing only, not a repair); "9: 12:30" stays "9:" then "12:30".
  out = out.replace(/(\d)\s+:\s*(\d{2})(?![\d:])/g, '$1:$2').replace(/(\d):\s+(\d{2})(?![\d:])/g, '$1:$2');
  return out.replace(/ {2,}/g, ' ').trim();
}

const MONTHS: Record<string, Month> = {
  janv: 1, janvier: 1, fev: 2, fevr: 2, fevrier: 2, mars: 3, avr: 4, avril: 4, mai: 5, juin: 6, juil: 7, juillet: 7, aout: 8,
  sep: 9, sept: 9, septembre: 9, oct: 10, octobre: 10, nov: 11, novembre: 11, dec: 12, decembre: 12,
};
const MONTH_WORD = '(janv(?:ier)?|fevr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|aout|sept?(?:embre)?|oct(?:obre)?|nov(?:embre)?|dec(?:embre)?)\\.?';

// ---------------------------------------------------------------------------
// Tokens.

type Token =
  | { kind: 'time'; start: number; end: number; minutes: number; bare: boolean; repair?: string }
  | { kind: 'label'; start: number; end: number; label: Label }
  | { kind: 'colon' | 'sep' | 'other'; start: number; end: number }
  | { kind: 'word'; start: number; end: number; text: string };

type Label =
  | { type: 'appointment' }
  | { type: 'walk-in' }
  | { type: 'selector'; selector: Selector; weekday?: number }
  | { type: 'except'; selector: Selector; weekday?: number }
  | { type: 'nth-of-month'; nth: number[] }
  | { type: 'unknown-hours' };

const ORDINAL = '(\\d)\\s*(?:er|ere|re|e|eme|nd|nde)';

/** Known labels, tried in order at each position of the folded text. */
const LABELS: { re: RegExp; make: (m: RegExpExecArray) => Label | undefined }[] = [
  { re: /horaires? non communiques?/y, make: () => ({ type: 'unknown-hours' }) },
  { re: /sur\s+(?:rdv|r?endez[- ]?vous)(?:\s+de(?=\s*\d))?/y, make: () => ({ type: 'appointment' }) },
  { re: /sans\s+(?:rdv|r?endez[- ]?vous)/y, make: () => ({ type: 'walk-in' }) },
  {
    re: /(?:les\s+)?semaines?\s+(paire|impaire)s?/y,
    make: (m) => ({ type: 'selector', selector: { weeks: m[1] === 'paire' ? 'even' : 'odd' } }),
  },
  {
    re: new RegExp(`(?:(?:le|les)\\s+)?${ORDINAL}(?:\\s*(?:,|et)\\s*${ORDINAL})*\\s+${DAY_WORD}\\s+(?:du|de\\s+chaque|de\\s+la|dans\\s+le)\\s+mois`, 'y'),
    make: (m) => {
      const ordinals = m[0].replace(new RegExp(`${DAY_WORD}.*$`), '');
      const nth = [...ordinals.matchAll(/\d/g)].map((d) => Number(d[0]));
      const day = FRENCH_DAYS.findIndex((d) => d === m[m.length - 1]) + 1;
      return nth.every((n) => n >= 1 && n <= 5) ? { type: 'selector', selector: { nth }, weekday: day } : undefined;
    },
  },
  {
    re: new RegExp(`(?:le\\s+)?${ORDINAL}\\s+(?:de\\s+chaque|du)\\s+mois`, 'y'),
    make: (m) => {
      const n = Number(m[1]);
      return n >= 1 && n <= 5 ? { type: 'nth-of-month', nth: [n] } : undefined;
    },
  },
  {
    re: new RegExp(`(excepte|sauf)?\\s*(?:le\\s+)?dernier\\s+${DAY_WORD}\\s+du\\s+mois`, 'y'),
    make: (m) => {
      const day = FRENCH_DAYS.findIndex((d) => d === m[2]) + 1;
      return m[1] ? { type: 'except', selector: { nth: [-1] }, weekday: day } : { type: 'selector', selector: { nth: [-1] }, weekday: day };
    },
  },
  {
    re: new RegExp(`(?:de\\s+|d')?${MONTH_WORD}\\s*(?:-|a|au|jusqu'(?:a|en))\\s*${MONTH_WORD}`, 'y'),
    make: (m) => {
      const from = MONTHS[m[1] ?? ''];
      const to = MONTHS[m[2] ?? ''];
      return from && to ? { type: 'selector', selector: { months: { from, to } } } : undefined;
    },
  },
  { re: /(?:en\s+|l')?ete(?![a-z])/y, make: () => ({ type: 'selector', selector: { months: { from: 7, to: 8 } } }) },
];

const TIME = /(\d{1,2})(?::(\d{2})|h(\d{2})?|(:))?(?!\d)/y;
const SEP = /(?:-|\/|,|\+|et(?![a-z])|a(?![a-z'])|au(?![a-z])|de(?![a-z'])|jusqu'a)/y;
const WORD = /[a-z][a-z'’.-]*(?:\s+[a-z][a-z'’.-]*)*/y;

function tokenize(text: string, folded: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    return re.exec(folded);
  };
  outer: while (i < n) {
    if (folded[i] === ' ') {
      i++;
      continue;
    }
    for (const { re, make } of LABELS) {
      const m = at(re);
      if (m) {
        const label = make(m);
        if (label) {
          tokens.push({ kind: 'label', start: i, end: i + m[0].length, label });
          i += m[0].length;
          continue outer;
        }
      }
    }
    const digitBefore = i > 0 && /\d/.test(folded[i - 1] ?? '');
    const t = digitBefore ? null : at(TIME);
    if (t) {
      const hours = Number(t[1]);
      const minutes = Number(t[2] ?? t[3] ?? '0');
      const value = hours > 24 || minutes > 59 || hours * 60 + minutes > 1440 ? -1 : hours * 60 + minutes;
      const raw = text.slice(i, i + t[0].length);
      const bare = /^\d+$/.test(raw);
      const token: Token = { kind: 'time', start: i, end: i + t[0].length, minutes: value, bare };
      if ((bare || t[4] !== undefined) && value >= 0) token.repair = `"${raw}" read as ${formatTime(value)}`;
      tokens.push(token);
      i += t[0].length;
      continue;
    }
    const s = at(SEP);
    if (s) {
      tokens.push({ kind: 'sep', start: i, end: i + s[0].length });
      i += s[0].length;
      continue;
    }
    if (folded[i] === ':') {
      tokens.push({ kind: 'colon', start: i, end: i + 1 });
      i++;
      continue;
    }
    const w = at(WORD);
    if (w) {
      tokens.push({ kind: 'word', start: i, end: i + w[0].length, text: w[0] });
      i += w[0].length;
      continue;
    }
    tokens.push({ kind: 'other', start: i, end: i + 1 });
    i++;
  }
  // A bare number next to a word belongs to it ("1 samedi sur 2", "1 lundi par mois").
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (!token) continue;
    const prev = out[out.length - 1];
    const next = tokens[k + 1];
    const isBare = token.kind === 'time' && token.bare;
    if (isBare && prev?.kind === 'word' && /^ *$/.test(text.slice(prev.end, token.start))) {
      out[out.length - 1] = { kind: 'word', start: prev.start, end: token.end, text: folded.slice(prev.start, token.end) };
      continue;
    }
    if (isBare && next?.kind === 'word' && /^ *$/.test(text.slice(token.end, next.start))) {
      tokens[k + 1] = { kind: 'word', start: token.start, end: next.end, text: folded.slice(token.start, next.end) };
      continue;
    }
    out.push(token);
  }
  return out;
}

// ---------------------------------------------------------------------------
// One day's text.

const CLOSED_WORDS = /^(?:-+|ferme(?:e|s)?|espace ferme ce jour|ferme ce jour|fermeture|closed|off)$/;

/** Rewrites parentheses: `A (semaines impaires)` → its own block; `(sur RDV 14:00 - 17:00)` → a block. */
function unwrapParentheses(text: string): string {
  return text
    .replace(/(\d{1,2}(?::\d{0,2})?\s*-\s*\d{1,2}(?::\d{0,2})?)\s*\(([^()\d]+)\)/g, ' // $2 : $1 // ')
    .replace(/\(([^()]*\d[^()]*)\)/g, ' // $1 // ');
}

const SIMPLE = /^\d{1,2}:\d{2} ?- ?\d{1,2}:\d{2}(?: ?(?:\/|et|,) ?\d{1,2}:\d{2} ?- ?\d{1,2}:\d{2})*$/;
const SIMPLE_RANGE = /(\d{1,2}):(\d{2}) ?- ?(\d{1,2}):(\d{2})/g;

/** Plain ranges into the day's base group; `false` (nothing changed) when a range is not a real one. */
function readSimple(text: string, program: DayProgram): boolean {
  const ranges: MinuteRange[] = [];
  for (const m of text.matchAll(SIMPLE_RANGE)) {
    const [h1, m1, h2, m2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    if (m1 > 59 || m2 > 59) return false;
    const start = h1 * 60 + m1;
    const end = h2 * 60 + m2;
    if (start === end) {
      program.repairs.push(`empty range ${formatTime(start)}-${formatTime(end)} left out`);
      continue;
    }
    if (end < start || end > 1440) return false;
    ranges.push([start, end]);
  }
  if (ranges.length === 0) return false;
  const merged = mergeRanges(ranges);
  if (merged.merged > 0) program.repairs.push('repeated or overlapping ranges merged');
  groupOf(program, {}).open = merged.ranges;
  program.converted++;
  return true;
}

/**
 * Reads what one day's text says. `weekday` (1 = Monday) is the day the text
 * is about, when known; labels such as `1er mercredi du mois` name their own.
 */
function readDay(raw: string, weekday: number | undefined, program: DayProgram, programs: Map<number, DayProgram>): void {
  const repairs = program.repairs;
  const text = normalise(raw, repairs);
  const folded = fold(text);
  if (text === '' || CLOSED_WORDS.test(folded)) {
    program.status = 'closed';
    return;
  }
  if (/^horaires? non communiques?\.?$/.test(folded) || /^(?:inconnus?|non communiques?|nc|n\/c)$/.test(folded)) {
    program.status = 'unknown';
    return;
  }
  // Most cells are plain ranges: "9:00 - 12:00 / 13:30 - 17:00".
  if (SIMPLE.test(text) && readSimple(text, program)) return;
  const unwrapped = unwrapParentheses(text);
  for (const block of unwrapped.split(/\s*\/\/\s*/)) {
    if (block.trim() === '') continue;
    readBlock(block.trim(), weekday, program, programs);
  }
}

interface Piece {
  selector: Selector;
  weekday: number | undefined;
  appointment: boolean;
  times: { minutes: number; repair?: string }[];
  dashColons: number;
  tainted: boolean;
  /** "Fermé" under a label: the selector is off. */
  closed: boolean;
  labelled: boolean;
  /** A `/`, `,` or `et` came after a complete set of ranges: a word now starts a new piece. */
  boundary: boolean;
  from: number;
  to: number;
  except?: Selector;
}

function readBlock(block: string, weekday: number | undefined, program: DayProgram, programs: Map<number, DayProgram>): void {
  const folded = fold(block);
  const tokens = tokenize(block, folded);
  let selector: Selector = {};
  let day = weekday;
  let appointment = false;
  let unknownScope = false;
  let except: Selector | undefined;
  let piece = newPiece();

  function newPiece(from = -1): Piece {
    const p: Piece = { selector, weekday: day, appointment, times: [], dashColons: 0, tainted: unknownScope, closed: false, labelled: false, boundary: false, from, to: from };
    if (except) p.except = except;
    return p;
  }
  const flush = (): void => {
    if (piece.from >= 0) commit(piece, block, program, programs);
    piece = newPiece();
  };
  const touch = (start: number, end: number): void => {
    if (piece.from < 0) piece.from = start;
    piece.to = end;
  };

  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (!token) continue;
    const next = tokens[k + 1];
    switch (token.kind) {
      case 'label': {
        const label = token.label;
        // A label opens a new piece, unless it only qualifies a piece that has no time yet.
        if (piece.times.length > 0 || piece.tainted || piece.closed) flush();
        unknownScope = label.type === 'unknown-hours';
        if (label.type === 'appointment') appointment = true;
        else if (label.type === 'walk-in') appointment = false;
        else if (label.type === 'unknown-hours') appointment = false;
        else if (label.type === 'nth-of-month') {
          if (day === undefined) unknownScope = true;
          else selector = { ...selector, nth: label.nth };
        } else if (label.type === 'except') {
          except = label.selector;
          if (label.weekday) day = label.weekday;
        } else {
          selector = { ...selector, ...label.selector };
          if (label.weekday) day = label.weekday;
        }
        const from = piece.from >= 0 ? piece.from : token.start;
        piece = newPiece(from);
        piece.labelled = true;
        piece.to = token.end;
        // The label's own colon.
        if (next?.kind === 'colon') {
          piece.to = next.end;
          k++;
        }
        break;
      }
      case 'word': {
        const isLabel = next?.kind === 'colon';
        if (isLabel) {
          // An unknown label: what follows, until the next known label, is not converted.
          if (piece.times.length > 0) flush();
          unknownScope = true;
          piece = newPiece(piece.from >= 0 ? piece.from : token.start);
          piece.tainted = true;
          piece.to = next.end;
          k++;
        } else if (CLOSED_WORDS.test(token.text) && piece.times.length === 0) {
          touch(token.start, token.end);
          piece.closed = true;
        } else {
          if (piece.boundary) flush();
          touch(token.start, token.end);
          piece.tainted = true;
        }
        break;
      }
      case 'time':
        piece.boundary = false;
        touch(token.start, token.end);
        piece.times.push(token.repair === undefined ? { minutes: token.minutes } : { minutes: token.minutes, repair: token.repair });
        break;
      case 'colon':
        touch(token.start, token.end);
        // A colon between two times stands for the dash.
        if (piece.times.length % 2 === 1 && next?.kind === 'time') piece.dashColons++;
        else piece.tainted = true;
        break;
      case 'sep':
        if (piece.from >= 0) piece.to = token.end;
        if (piece.times.length > 0 && piece.times.length % 2 === 0 && /^(?:\/|,|et)$/.test(folded.slice(token.start, token.end))) piece.boundary = true;
        break;
      case 'other':
        touch(token.start, token.end);
        piece.tainted = true;
        break;
    }
  }
  flush();
}

/** The program of a weekday, created when a label names a day the text was not about. */
function programFor(programs: Map<number, DayProgram>, weekday: number): DayProgram {
  let program = programs.get(weekday);
  if (!program) {
    program = emptyProgram();
    program.status = 'closed';
    programs.set(weekday, program);
  }
  return program;
}

/** Adds a piece's ranges to the program, or its text to what was not converted. */
function commit(piece: Piece, block: string, program: DayProgram, programs: Map<number, DayProgram>): void {
  const text = block.slice(piece.from, piece.to).replace(/^[\s/,-]+|[\s/,-]+$/g, '');
  // A label naming its weekday ("1er mercredi du mois") puts the rule on that day.
  const target = piece.weekday === undefined ? program : programFor(programs, piece.weekday);
  const needsDay = piece.selector.nth !== undefined || piece.except !== undefined;
  if (piece.tainted || (needsDay && piece.weekday === undefined)) {
    if (text !== '') program.unconverted.push(text);
    return;
  }
  if (piece.closed) {
    if (piece.labelled && Object.keys(piece.selector).length > 0) {
      groupOf(target, piece.selector).off = true;
      program.converted++;
    } else if (text !== '') program.unconverted.push(text);
    return;
  }
  const times = piece.times;
  if (times.length === 0) {
    // "Sur RDV" without times, "matin": no time to convert (a rule without times would mean the whole day).
    if (text !== '') program.unconverted.push(text);
    return;
  }
  if (times.length % 2 === 1 || times.some((t) => t.minutes < 0)) {
    program.unconverted.push(text);
    return;
  }
  const ranges: MinuteRange[] = [];
  for (let i = 0; i < times.length; i += 2) {
    const start = times[i]?.minutes ?? -1;
    const end = times[i + 1]?.minutes ?? -1;
    if (start === end) {
      program.repairs.push(`empty range ${formatTime(start)}-${formatTime(end)} left out`);
      continue;
    }
    if (end < start || start === 1440) {
      program.unconverted.push(text);
      return;
    }
    ranges.push([start, end]);
  }
  if (piece.dashColons > 0) program.repairs.push('":" between two times read as "-"');
  for (const t of times) if (t.repair !== undefined) program.repairs.push(t.repair);
  // Only empty ranges ("0:00 - 0:00"): nothing open.
  if (ranges.length === 0) {
    if (program.converted === 0) program.status = 'closed';
    return;
  }
  const group = groupOf(target, piece.selector);
  const list = piece.appointment ? group.appointment : group.open;
  const merged = mergeRanges([...list, ...ranges]);
  if (merged.merged > 0) program.repairs.push('repeated or overlapping ranges merged');
  if (piece.appointment) group.appointment = merged.ranges;
  else group.open = merged.ranges;
  if (piece.except) groupOf(target, piece.except).off = true;
  program.converted++;
}

// ---------------------------------------------------------------------------
// OSM output.

const APPOINTMENT_COMMENT = 'sur rendez-vous';

/** What a group of days does under one selector, before the days are known. */
interface Template {
  /** 0 plain days, 1 narrowed by a selector, 2 off. */
  readonly order: number;
  readonly selector: Selector;
  readonly open: readonly MinuteRange[];
  readonly appointment: readonly MinuteRange[];
  readonly off: boolean;
}

const times = (ranges: readonly MinuteRange[]): TimeRange[] => ranges.map(([from, to]) => ({ from, to }));

/** `Mo-Fr`, `Mo,We,Fr`, `Mo-We,Fr`: runs of three days or more as ranges (as the hours module's builder writes them). */
function weekdaysOf(days: readonly number[], nth: readonly number[] | undefined): WeekdaySelector[] {
  if (nth) return days.map((d) => ({ type: 'nth', weekday: d as IsoWeekday, nth: nth.map((n) => ({ from: n, to: n })) }));
  const out: WeekdaySelector[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && (days[j + 1] ?? 0) === (days[j] ?? 0) + 1) j++;
    const from = (days[i] ?? 1) as IsoWeekday;
    const to = (days[j] ?? 1) as IsoWeekday;
    if (j - i >= 2) out.push({ type: 'weekdays', from, to });
    else for (const d of days.slice(i, j + 1)) out.push({ type: 'weekdays', from: d as IsoWeekday, to: d as IsoWeekday });
    i = j + 1;
  }
  return out;
}

/** The rules of one template over its days (none: a text that names no day). */
function rulesOf(template: Template, days: readonly number[]): OpeningHoursRule[] {
  const { selector } = template;
  const base: { -readonly [K in keyof OpeningHoursRule]: OpeningHoursRule[K] } = { additional: false, appointmentOnly: false };
  if (selector.months) base.monthdays = [{ type: 'months', from: selector.months.from, to: selector.months.to }];
  if (selector.weeks) base.weeks = [selector.weeks === 'even' ? { from: 2, to: 52, step: 2 } : { from: 1, to: 53, step: 2 }];
  if (days.length > 0) base.weekdays = weekdaysOf(days, selector.nth);
  if (template.off) return [{ ...base, modifier: 'closed' }];
  const rules: OpeningHoursRule[] = [];
  if (template.open.length > 0) rules.push({ ...base, times: times(template.open) });
  if (template.appointment.length > 0) {
    rules.push({ ...base, additional: rules.length > 0, times: times(template.appointment), comment: APPOINTMENT_COMMENT, appointmentOnly: true });
  }
  return rules;
}

/** The templates of one day: its base group, each selector group (with the base ranges added), its off groups. */
function templatesOf(program: DayProgram): Template[] {
  const out: Template[] = [];
  const base = program.groups.get(selectorKey({}));
  for (const group of program.groups.values()) {
    const isBase = group === base;
    if (group.off) {
      out.push({ order: 2, selector: group.selector, open: [], appointment: [], off: true });
      continue;
    }
    // Unlabelled ranges also apply under a label of the same text.
    const open = isBase || !base ? group.open : mergeRanges([...base.open, ...group.open]).ranges;
    const appointment = isBase || !base ? group.appointment : mergeRanges([...base.appointment, ...group.appointment]).ranges;
    if (open.length > 0 || appointment.length > 0) out.push({ order: isBase ? 0 : 1, selector: group.selector, open, appointment, off: false });
  }
  return out;
}

/**
 * OSM text of the programs of each day (1..7; 0 for a text that names no
 * day, whose rules then have no weekday), templates shared by several days
 * written once for them all: plain rules first, then narrowed ones, then `off`.
 */
function toOsm(programs: ReadonlyMap<number, DayProgram>): string | undefined {
  const shared = new Map<string, { template: Template; days: number[] }>();
  for (const [day, program] of programs) {
    for (const template of templatesOf(program)) {
      const key = [day === 0 ? 'all' : 'days', template.order, selectorKey(template.selector), template.off, template.open.join(';'), template.appointment.join(';')].join('|');
      const entry = shared.get(key);
      if (entry) entry.days.push(day);
      else shared.set(key, { template, days: [day] });
    }
  }
  const ordered = [...shared.values()].sort((a, b) => a.template.order - b.template.order || (a.days[0] ?? 0) - (b.days[0] ?? 0));
  const rules = ordered.flatMap(({ template, days }) => rulesOf(template, days.filter((d) => d > 0).sort((x, y) => x - y)));
  return rules.length > 0 ? serializeOpeningHours({ rules }) : undefined;
}

// ---------------------------------------------------------------------------
// Status.

function emptyProgram(): DayProgram {
  return { groups: new Map(), unconverted: [], repairs: [], status: 'full', converted: 0 };
}

function settle(program: DayProgram, original: string): void {
  if (program.status === 'unknown') return;
  if (program.converted > 0) {
    program.status = program.unconverted.length > 0 ? 'partial' : 'full';
  } else if (program.status !== 'closed' || program.unconverted.length > 0) {
    program.status = 'none';
    if (program.unconverted.length === 0) program.unconverted.push(original.trim());
  }
}

/** The result for one text: its own program (key `weekday`, or 0 for no day) and the days its labels named. */
function textResult(programs: Map<number, DayProgram>, key: number): FrenchHoursResult {
  const program = programs.get(key) ?? emptyProgram();
  let osm: string | undefined;
  if (program.status === 'closed' && program.converted === 0) osm = key === 0 ? 'off' : `${OSM_WEEKDAYS[key - 1] ?? 'Mo'} off`;
  else if (program.status === 'unknown') osm = undefined;
  else osm = toOsm(programs);
  return { osm, status: program.status, unconverted: program.unconverted, repairs: [...new Set(program.repairs)] };
}

// ---------------------------------------------------------------------------
// Day names in a whole text ("Du lundi au vendredi : …").

const DAY_SPEC = new RegExp(
  `^(?:(?:le|les|du)\\s+)?${DAY_WORD}(?:\\s*(?:-|au|a|jusqu'au)\\s*${DAY_WORD}|(?:\\s*(?:,|et)\\s*${DAY_WORD})*)\\s*(?::|(?=\\s*\\d))`,
);

/** The weekdays (1..7) a day specification names, and its length; `undefined` when the text does not start with one. */
function daySpec(folded: string): { days: number[]; length: number } | undefined {
  const m = DAY_SPEC.exec(folded);
  if (!m) return undefined;
  const spec = m[0];
  const names = [...spec.matchAll(/(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)/g)].map((x) => FRENCH_DAYS.indexOf(x[1] as (typeof FRENCH_DAYS)[number]) + 1);
  const isRange = /(?:-|\bau\b|\ba\b|jusqu'au)/.test(spec.replace(/^(?:du|le|les)\s+/, '').replace(/\s*:$/, ''));
  const first = names[0] ?? 1;
  const last = names[names.length - 1] ?? first;
  if (isRange && names.length === 2) {
    const days: number[] = [];
    for (let d = first; ; d = (d % 7) + 1) {
      days.push(d);
      if (d === last || days.length > 7) break;
    }
    return { days, length: spec.length };
  }
  return { days: [...new Set(names)], length: spec.length };
}

/**
 * Converts French opening hours to OSM `opening_hours`, as far as possible.
 *
 * - `9:00 - 12:00 / 13:30 - 17:00` → `09:00-12:00,13:30-17:00` (with `options.day`: `Mo 09:00-12:00,13:30-17:00`);
 * - `Sur RDV : 14:00 - 17:00` → `14:00-17:00 "sur rendez-vous"`;
 * - `1er mercredi du mois : 9:30 - 12:15` → `We[1] 09:30-12:15`;
 * - `Semaines paires : 9:00 - 12:00` → `week 02-52/2 09:00-12:00` (ISO weeks);
 * - `Sept. - Juin : 9:00 - 12:00 // Été : 10:00 - 12:30` → `Sep-Jun 09:00-12:00; Jul-Aug 10:00-12:30`;
 * - `Excepté dernier samedi du mois : 8:45 - 12:15` (a Saturday) → `Sa 08:45-12:15; Sa[-1] off`;
 * - `Du lundi au vendredi : 9h-12h et 14h-17h, samedi : 9h-12h` (day names in the text) → `Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00`;
 * - `-`, `Fermé` → closed; `Horaires non communiqués` → unknown (no OSM).
 *
 * Labels it does not know (`Itinérance : …`, `1 samedi sur 2 : …`, `selon planning`),
 * parts without times (`Sur RDV : après-midi`, `Sur RDV` alone: a rule without
 * times would mean the whole day) and school holidays (the zone is not in the
 * data, and the hours module has no `SH`) are not converted and come back in
 * `unconverted`. Sloppy writing is repaired and said in `repairs` (`12:`,
 * `9-12:30`, `16::30`, `13:30:16:30`).
 * Unlabelled ranges also apply under a label of the same text
 * (`8:45 - 12:00 / Semaines paires : 14:00 - 16:30` → `Mo 08:45-12:00; week 02-52/2 Mo 08:45-12:00,14:00-16:30`).
 */
export function frenchHoursToOsm(text: string, options: { day?: OsmWeekday } = {}): FrenchHoursResult {
  const weekday = options.day === undefined ? undefined : OSM_WEEKDAYS.indexOf(options.day) + 1;
  const repairs: string[] = [];
  const normal = normalise(text, repairs);
  const folded = fold(normal);
  const withDays = weekday === undefined && daySpec(folded) !== undefined;
  if (!withDays) {
    const key = weekday ?? 0;
    const program = emptyProgram();
    program.repairs.push(...repairs);
    const programs = new Map<number, DayProgram>([[key, program]]);
    readDay(text, weekday, program, programs);
    settle(program, text);
    return textResult(programs, key);
  }
  const programs = new Map<number, DayProgram>();
  const texts = new Map<number, string>();
  const unconverted: string[] = [];
  // Sections starting with day names: one per line, or after ";", or after "," that ends a time.
  const sections = text.split(/\r?\n|;|(?<=\d|h)\s*,(?=\s*(?:du\s+|le\s+|les\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))/i);
  for (const raw of sections) {
    const section = normalise(raw, repairs);
    if (section === '') continue;
    const spec = daySpec(fold(section));
    if (!spec) {
      unconverted.push(section.trim());
      continue;
    }
    const rest = section.slice(spec.length);
    for (const day of spec.days) texts.set(day, [texts.get(day), rest].filter((t) => t !== undefined && t.trim() !== '').join(' // '));
  }
  for (const day of texts.keys()) programs.set(day, emptyProgram());
  for (const [day, dayText] of texts) {
    const program = programs.get(day) ?? emptyProgram();
    readDay(dayText, day, program, programs);
    settle(program, dayText);
  }
  return weekResult(programs, unconverted, repairs);
}

/**
 * Converts one week given day by day (the `h_lundi`…`h_samedi` cells of the
 * France Services files) into one OSM `opening_hours` value, each day's
 * text read with {@link frenchHoursToOsm}'s rules. Days sharing the same
 * hours are grouped (`Mo-Fr`). An empty cell is closed that day. When no day
 * has any hours there is no OSM: `status` is `closed` (all empty or `-`, which
 * for a public-service point means the cells were not filled) or `unknown`
 * (`Horaires non communiqués`); importers read both as hours unknown.
 */
export function frenchWeekToOsm(cells: Partial<Record<OsmWeekday, string>>): FrenchWeekResult {
  const programs = new Map<number, DayProgram>();
  OSM_WEEKDAYS.forEach((day, i) => {
    if (cells[day] !== undefined) programs.set(i + 1, emptyProgram());
  });
  for (const [weekday, program] of programs) {
    const text = cells[OSM_WEEKDAYS[weekday - 1] ?? 'Mo'] ?? '';
    readDay(text, weekday, program, programs);
    settle(program, text);
  }
  return weekResult(programs, [], []);
}

function weekResult(programs: Map<number, DayProgram>, extraUnconverted: string[], extraRepairs: string[]): FrenchWeekResult {
  const days: Partial<Record<OsmWeekday, FrenchHoursResult>> = {};
  const unconverted = [...extraUnconverted];
  const repairs = [...extraRepairs];
  const statuses: FrenchHoursStatus[] = [];
  for (const [weekday, program] of [...programs].sort((a, b) => a[0] - b[0])) {
    const day = OSM_WEEKDAYS[weekday - 1] ?? 'Mo';
    days[day] = textResult(new Map([[weekday, program]]), weekday);
    statuses.push(program.status);
    unconverted.push(...program.unconverted);
    repairs.push(...program.repairs);
  }
  const open = statuses.filter((s) => s === 'full' || s === 'partial');
  let status: FrenchHoursStatus;
  if (open.length === 0) status = statuses.every((s) => s === 'closed') && statuses.length > 0 && extraUnconverted.length === 0 ? 'closed' : statuses.some((s) => s === 'none') || extraUnconverted.length > 0 ? 'none' : 'unknown';
  else status = open.length === statuses.filter((s) => s !== 'closed').length && open.every((s) => s === 'full') && extraUnconverted.length === 0 ? 'full' : 'partial';
  // When no day is open, the hours are unknown: all closed means the cells were not filled.
  const osm = status === 'full' || status === 'partial' ? toOsm(programs) : undefined;
  return { osm, status, unconverted, repairs: [...new Set(repairs)], days };
}
