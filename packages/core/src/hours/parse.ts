/**
 * Parser of the subset of the OpenStreetMap `opening_hours` syntax described
 * in `docs/opening-hours.md`: a scanner into reused typed arrays, then a
 * hand-written recursive-descent parser (no regular expression nor
 * allocation per token on the hot path).
 *
 * @module
 */

import { RspError } from '../errors.js';
import type { IsoWeekday } from '../time/paris.js';
import { daysInMonth } from '../time/paris.js';
import type {
  Month,
  MonthDay,
  MonthdaySelector,
  NthEntry,
  OpeningHours,
  OpeningHoursRule,
  TimeRange,
  WeekdaySelector,
  WeekSelector,
} from './ast.js';

/** The position and bilingual text of a syntax error. */
export interface OpeningHoursSyntaxErrorDetails {
  /** 0-based index, in the parsed text, of the character where the problem starts. */
  readonly position: number;
  /** The problem, in English. */
  readonly message: string;
  /** The problem, in French. */
  readonly messageFr: string;
}

/**
 * Thrown by {@link parseOpeningHours} when a value is not in the supported
 * subset of the syntax: says where (`position`, 0-based) and what, in English
 * (`message`) and French (`messageFr`).
 */
export class OpeningHoursSyntaxError extends RspError implements OpeningHoursSyntaxErrorDetails {
  override name = 'OpeningHoursSyntaxError' as const;
  /** 0-based index of the character where the problem starts. */
  readonly position: number;
  /** The problem, in French. */
  readonly messageFr: string;

  /** An error at `position` with its English and French texts. */
  constructor(position: number, message: string, messageFr: string) {
    super(message);
    this.position = position;
    this.messageFr = messageFr;
  }
}

/**
 * Whether a value is an {@link OpeningHoursSyntaxError}, also when it comes
 * from another copy of this module or was serialised (checks the `name` and
 * the fields, not only `instanceof`).
 */
export function isOpeningHoursSyntaxError(value: unknown): value is OpeningHoursSyntaxError {
  if (value instanceof OpeningHoursSyntaxError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<'name' | 'position' | 'message' | 'messageFr', unknown>>;
  return (
    v.name === 'OpeningHoursSyntaxError' &&
    typeof v.position === 'number' &&
    typeof v.message === 'string' &&
    typeof v.messageFr === 'string'
  );
}

/** The result of {@link safeParseOpeningHours}. */
export type SafeParseOpeningHoursResult =
  | { readonly success: true; readonly value: OpeningHours }
  | { readonly success: false; readonly error: OpeningHoursSyntaxError };

const NBSP = '\u00a0';
const q = (s: string): string => `«${NBSP}${s}${NBSP}»`;
const MESSAGES = {
  empty: ['The value is empty', 'La valeur est vide'],
  emptyRule: ['Expected a rule: days, times, off or a comment', `Règle attendue${NBSP}: jours, horaires, off ou commentaire`],
  separator: ['Expected ";" or "," between two rules', `${q(';')} ou ${q(',')} attendu entre deux règles`],
  time: ['Expected a time such as 09:00', 'Heure attendue, par exemple 09:00'],
  badTime: [
    'Invalid time: hours go from 00 to 24 and minutes from 00 to 59; 24:00 only ends a range',
    `Heure invalide${NBSP}: de 00 à 24 pour les heures, de 00 à 59 pour les minutes${NBSP}; 24:00 seulement en fin de plage`,
  ],
  rangeEnd: [
    'Expected "-" and an end time: single points in time are not supported',
    `${q('-')} et une heure de fin attendus${NBSP}: les heures isolées ne sont pas prises en charge`,
  ],
  pastMidnight: [
    'The end time must be after the start time: ranges past midnight are not supported',
    `L’heure de fin doit suivre l’heure de début${NBSP}: les plages qui passent minuit ne sont pas prises en charge`,
  ],
  openEnd: ['Open-ended times ("+") are not supported', `Les horaires sans fin (${q('+')}) ne sont pas pris en charge`],
  weekday: [
    'Expected a day of the week (Mo, Tu, We, Th, Fr, Sa, Su) or PH',
    'Jour de la semaine attendu (Mo, Tu, We, Th, Fr, Sa, Su) ou PH',
  ],
  month: ['Expected a month (Jan, Feb, … Dec)', 'Mois attendu (Jan, Feb, … Dec)'],
  day: ['Expected a day of the month that exists', 'Jour du mois existant attendu'],
  dayOrder: [
    'A range of days within one month must go forward (Dec 24-26)',
    'Une plage de jours dans un même mois doit aller en avant (Dec 24-26)',
  ],
  week: ['Expected a week number from 01 to 53', 'Numéro de semaine attendu, de 01 à 53'],
  weekOrder: [
    'A range of weeks must go forward; wrapping over New Year is not supported',
    `Une plage de semaines doit aller en avant${NBSP}; passer le Nouvel An n’est pas pris en charge`,
  ],
  step: ['Expected a period of weeks such as /2', 'Période de semaines attendue, par exemple /2'],
  nth: [
    'Expected an occurrence in the month from 1 to 5 or -1 to -5, as in We[1,3] or Mo[-1]',
    'Rang dans le mois attendu, de 1 à 5 ou de -1 à -5, comme dans We[1,3] ou Mo[-1]',
  ],
  bracket: ['Expected "]"', `${q(']')} attendu`],
  comment: ['Unterminated comment: the closing " is missing', `Commentaire non terminé${NBSP}: le " final manque`],
  emptyComment: ['Empty comment', 'Commentaire vide'],
  additional: [
    'An additional rule (",") must follow times, a state or a comment; use ";" here',
    `Une règle additionnelle (${q(',')}) doit suivre des horaires, un état ou un commentaire${NBSP}; employer ${q(';')} ici`,
  ],
  school: ['School holidays (SH) are not supported', 'Les vacances scolaires (SH) ne sont pas prises en charge'],
  solar: [
    'Times based on the sun (sunrise, sunset, dawn, dusk) are not supported',
    'Les horaires liés au soleil (sunrise, sunset, dawn, dusk) ne sont pas pris en charge',
  ],
  unknown: ['The "unknown" state is not supported', `L’état ${q('unknown')} n’est pas pris en charge`],
  fallback: ['Fallback rules ("||") are not supported', `Les règles de repli (${q('||')}) ne sont pas prises en charge`],
  year: ['Years are not supported', 'Les années ne sont pas prises en charge'],
  easter: ['Dates based on Easter are not supported', 'Les dates liées à Pâques ne sont pas prises en charge'],
} as const satisfies Record<string, readonly [string, string]>;

type MessageKey = keyof typeof MESSAGES;

/** Day names that are not the two-letter English abbreviations: `Mon`, `Friday`, `Lu`, `mardi`… */
const DAY_NAMES = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*$|^(?:lu|ma|me|je|ve|di|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/;
const YEAR = /^(?:19|20)\d\d$/;
const APPOINTMENT = /rendez[\s-]*vous|\brdv\b|appointment/;

/**
 * Whether a comment says "by appointment": it contains "rendez-vous", "rdv"
 * or "appointment", whatever the case and accents (`"Sur RDV"`,
 * `"uniquement sur rendez-vous"`, `"By appointment"`).
 */
export function isAppointmentComment(comment: string): boolean {
  return APPOINTMENT.test(comment.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
}

// The scanner writes tokens into reusable typed arrays (parsing is synchronous, so one set of
// buffers serves every call) and identifies keywords by their letters packed into an integer:
// no allocation per token, which keeps parsing cheap even before the JIT has warmed up.
const WORD = 1;
const NUMBER = 2;
const TIME = 3;
const COMMENT = 4;
const ALWAYS = 5;
const FALLBACK = 6;
const CHAR = 7;
const END = 8;

/** Keyword ids: weekdays 1–7, months 11–22, then the other words. */
const PH = 30;
const WEEK = 31;
const OPEN = 32;
const OFF = 33;
const CLOSED = 34;
const DAY_NAME = 40;
const SPECIAL = 41; // + index in SPECIAL_KEYS
const SPECIAL_KEYS: readonly MessageKey[] = ['school', 'solar', 'unknown', 'easter'];

/** The letters of a word (up to 6) packed into an integer, case-insensitively. */
function pack(word: string): number {
  let key = 0;
  for (let i = 0; i < word.length; i++) key = key * 32 + ((word.charCodeAt(i) | 32) - 96);
  return key;
}

const KEYWORDS = new Map<number, number>();
const keyword = (words: readonly string[], id: (i: number) => number): void => {
  words.forEach((w, i) => KEYWORDS.set(pack(w), id(i)));
};
keyword(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'], (i) => i + 1);
keyword(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], (i) => i + 11);
keyword(['ph', 'week', 'open', 'off', 'closed'], (i) => PH + i);
keyword(['sh', 'sunset', 'dawn', 'dusk', 'easter'], (i) => SPECIAL + ([0, 1, 1, 1, 3][i] ?? 0));

/** Words not in the table: long ones, misspelt ones, day names in full or in French. */
function slowWord(word: string): number {
  if (word === 'sunrise') return SPECIAL + 1;
  if (word === 'unknown') return SPECIAL + 2;
  return DAY_NAMES.test(word) ? DAY_NAME : -1;
}

let kinds = new Uint8Array(0);
let starts = new Int32Array(0);
let ends = new Int32Array(0);
let values = new Int32Array(0);

/**
 * Scans `s` into the token buffers. A word's value is its keyword id (-1 if
 * none), a number's its value (capped), a time's `hour * 100 + minute`
 * (-1 when malformed, as `9:0`), a comment's 1 (0 when unterminated), a
 * character's its code. Ends with an END token.
 */
function scan(s: string): void {
  const length = s.length;
  if (kinds.length <= length) {
    const size = Math.max(64, 2 * (length + 1));
    kinds = new Uint8Array(size);
    starts = new Int32Array(size);
    ends = new Int32Array(size);
    values = new Int32Array(size);
  }
  let n = 0;
  let i = 0;
  for (;;) {
    let c = s.charCodeAt(i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
    const start = i;
    let kind = CHAR;
    let value = c;
    if (i >= length) {
      kind = END;
    } else if (((c | 32) - 97) >>> 0 < 26) {
      // A letter (the tests are inlined: this loop runs on every character).
      let key = 0;
      do {
        key = key * 32 + ((c | 32) - 96);
        c = s.charCodeAt(++i);
      } while (((c | 32) - 97) >>> 0 < 26);
      kind = WORD;
      value = (i - start <= 6 ? KEYWORDS.get(key) : undefined) ?? slowWord(s.slice(start, i).toLowerCase());
    } else if (c >= 48 && c <= 57) {
      let number = 0;
      do {
        if (number < 1e6) number = number * 10 + c - 48;
        c = s.charCodeAt(++i);
      } while (c >= 48 && c <= 57);
      kind = NUMBER;
      value = number;
      if (c === 58 /* : */) {
        const digits = i - start;
        let minute = 0;
        const minuteStart = ++i;
        for (c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) if (minute < 1e3) minute = minute * 10 + c - 48;
        kind = TIME;
        value = digits <= 2 && i - minuteStart === 2 ? number * 100 + minute : -1;
      } else if (number === 24 && i - start === 2 && c === 47 /* / */ && s.charCodeAt(i + 1) === 55 /* 7 */) {
        kind = ALWAYS;
        i += 2;
      }
    } else if (c === 34 /* " */) {
      const close = s.indexOf('"', i + 1);
      kind = COMMENT;
      value = close < 0 ? 0 : 1;
      i = close < 0 ? length : close + 1;
    } else if (c === 124 /* | */ && s.charCodeAt(i + 1) === 124) {
      kind = FALLBACK;
      i += 2;
    } else {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    kinds[n] = kind;
    starts[n] = start;
    ends[n] = i;
    values[n++] = value;
    if (kind === END) return;
  }
}

type Draft = { -readonly [K in keyof OpeningHoursRule]: OpeningHoursRule[K] };

class Parser {
  private readonly s: string;
  private j = 0;

  constructor(s: string) {
    this.s = s;
    scan(s);
  }

  parse(): OpeningHours {
    if (this.kind() === END) this.fail('empty', 0);
    const rules: OpeningHoursRule[] = [this.rule(false)];
    for (;;) {
      const kind = this.kind();
      if (kind === END) break;
      if (this.isChar(59 /* ; */)) {
        this.j++;
        if (this.kind() === END) break; // a trailing ";" is tolerated
        rules.push(this.rule(false));
      } else if (this.isChar(44 /* , */)) {
        const previous = rules.at(-1);
        // As the reference implementation: in `Jul-Aug, Mo 10:00-12:00` the "," is ambiguous.
        if (previous && !previous.times && !previous.modifier && previous.comment === undefined) this.fail('additional');
        this.j++;
        rules.push(this.rule(true));
      } else {
        this.unexpected(true);
      }
    }
    return { rules };
  }

  private kind(offset = 0): number {
    return kinds[this.j + offset] ?? END;
  }

  private value(offset = 0): number {
    return values[this.j + offset] ?? -1;
  }

  private position(): number {
    return starts[this.j] ?? this.s.length;
  }

  private text(): string {
    return this.s.slice(this.position(), ends[this.j]);
  }

  private isChar(code: number, offset = 0): boolean {
    return this.kind(offset) === CHAR && this.value(offset) === code;
  }

  /** The keyword id of the word token at `offset`, or -1. */
  private word(offset = 0): number {
    return this.kind(offset) === WORD ? this.value(offset) : -1;
  }

  private fail(key: MessageKey, position = this.position()): never {
    const [en, fr] = MESSAGES[key];
    throw new OpeningHoursSyntaxError(position, en, fr);
  }

  /** Fails with the best message for the current token. */
  private unexpected(betweenRules: boolean): never {
    const kind = this.kind();
    const word = this.word();
    if (kind === END) this.fail('emptyRule');
    if (kind === FALLBACK) this.fail('fallback');
    if (kind === NUMBER && YEAR.test(this.text())) this.fail('year');
    if (word >= SPECIAL) this.fail(SPECIAL_KEYS[word - SPECIAL] ?? 'unknown');
    if (word === DAY_NAME) this.fail('weekday');
    if (!betweenRules && (this.isChar(59) || this.isChar(44))) this.fail('emptyRule');
    if (betweenRules && (kind === WORD ? word > 0 : kind !== CHAR)) this.fail('separator');
    const text = this.text();
    throw new OpeningHoursSyntaxError(this.position(), `Unexpected "${text}"`, `${q(text)} inattendu`);
  }

  private rule(additional: boolean): OpeningHoursRule {
    const start = this.j;
    const rule: Draft = { additional, appointmentOnly: false };
    if (this.kind() === ALWAYS) {
      this.j++;
      rule.always = true;
    } else {
      let word = this.word();
      if (word >= 11 && word <= 22) {
        rule.monthdays = this.monthdays();
        word = this.word();
      }
      if (word === WEEK) rule.weeks = this.weeks();
      if ((rule.monthdays ?? rule.weeks) && this.isChar(58 /* : */)) this.j++;
      word = this.word();
      if ((word >= 1 && word <= 7) || word === PH) rule.weekdays = this.weekdays();
      const kind = this.kind();
      if (kind === NUMBER || kind === TIME) {
        if (YEAR.test(this.text())) this.fail('year');
        rule.times = this.times();
      }
    }
    const word = this.word();
    if (word === OPEN || word === OFF || word === CLOSED) {
      rule.modifier = word === OPEN ? 'open' : 'closed';
      this.j++;
    }
    if (this.kind() === COMMENT) {
      if (this.value() === 0) this.fail('comment');
      const text = this.s.slice(this.position() + 1, (ends[this.j] ?? 1) - 1);
      if (!text.trim()) this.fail('emptyComment');
      rule.comment = text;
      rule.appointmentOnly = isAppointmentComment(text);
      this.j++;
    }
    if (this.j === start) this.unexpected(false);
    return rule;
  }

  /** A number token of at most `digits` digits within `min`–`max`, or a failure with `key`. */
  private number(key: MessageKey, min: number, max: number, digits = 2): number {
    const n = this.value();
    const length = (ends[this.j] ?? 0) - this.position();
    if (this.kind() !== NUMBER || length > digits || n < min || n > max) this.fail(key);
    this.j++;
    return n;
  }

  private month(): Month {
    const word = this.word();
    if (word < 11 || word > 22) this.fail('month');
    this.j++;
    return (word - 10) as Month;
  }

  /** A day of `month`; any year, so 29 February is valid. */
  private day(month: Month): number {
    return this.number('day', 1, daysInMonth(2000, month));
  }

  private monthdays(): MonthdaySelector[] {
    const list: MonthdaySelector[] = [];
    do {
      const m1 = this.month();
      if (this.kind() === NUMBER) {
        const from: MonthDay = { month: m1, day: this.day(m1) };
        let to = from;
        if (this.isChar(45 /* - */)) {
          this.j++;
          if (this.kind() === NUMBER) {
            const at = this.position();
            to = { month: m1, day: this.day(m1) };
            if (to.day < from.day) this.fail('dayOrder', at);
          } else {
            const m2 = this.month();
            to = { month: m2, day: this.day(m2) };
          }
        }
        list.push({ type: 'dates', from, to });
        // `Dec 24,31`: more days of the same month.
        while (this.isChar(44) && this.kind(1) === NUMBER) {
          this.j++;
          const day: MonthDay = { month: to.month, day: this.day(to.month) };
          list.push({ type: 'dates', from: day, to: day });
        }
      } else {
        let m2 = m1;
        if (this.isChar(45)) {
          this.j++;
          m2 = this.month();
        }
        list.push({ type: 'months', from: m1, to: m2 });
      }
    } while (this.isChar(44) && this.word(1) >= 11 && this.word(1) <= 22 && ++this.j);
    return list;
  }

  private weeks(): WeekSelector[] {
    this.j++;
    const list: WeekSelector[] = [];
    do {
      const from = this.number('week', 1, 53);
      let to = from;
      let step = 1;
      if (this.isChar(45)) {
        this.j++;
        const at = this.position();
        to = this.number('week', 1, 53);
        if (to < from) this.fail('weekOrder', at);
        if (this.isChar(47 /* / */)) {
          this.j++;
          step = this.number('step', 1, 99);
        }
      }
      list.push(step > 1 ? { from, to, step } : { from, to });
    } while (this.isChar(44) && this.kind(1) === NUMBER && ++this.j);
    return list;
  }

  private weekday(): IsoWeekday {
    const word = this.word();
    if (word < 1 || word > 7) this.fail('weekday');
    this.j++;
    return word as IsoWeekday;
  }

  private nthEntry(): NthEntry {
    if (this.isChar(45)) {
      this.j++;
      const n = -this.number('nth', 1, 5, 1);
      return { from: n, to: n };
    }
    const from = this.number('nth', 1, 5, 1);
    if (!this.isChar(45)) return { from, to: from };
    this.j++;
    const at = this.position();
    const to = this.number('nth', 1, 5, 1);
    if (to < from) this.fail('nth', at);
    return { from, to };
  }

  private weekdays(): WeekdaySelector[] {
    const list: WeekdaySelector[] = [];
    do {
      if (this.word() === PH) {
        this.j++;
        list.push({ type: 'holiday' });
        continue;
      }
      const from = this.weekday();
      if (this.isChar(91 /* [ */)) {
        this.j++;
        const nth = [this.nthEntry()];
        while (this.isChar(44)) {
          this.j++;
          nth.push(this.nthEntry());
        }
        if (!this.isChar(93 /* ] */)) this.fail('bracket');
        this.j++;
        list.push({ type: 'nth', weekday: from, nth });
      } else if (this.isChar(45)) {
        this.j++;
        list.push({ type: 'weekdays', from, to: this.weekday() });
      } else {
        list.push({ type: 'weekdays', from, to: from });
      }
    } while (this.isChar(44) && ((this.word(1) >= 1 && this.word(1) <= 7) || this.word(1) === PH) && ++this.j);
    return list;
  }

  private time(end: boolean): number {
    const word = this.word();
    if (word >= SPECIAL) this.fail(SPECIAL_KEYS[word - SPECIAL] ?? 'unknown');
    const value = this.value();
    if (this.kind() !== TIME || value < 0) this.fail('time');
    const hour = Math.floor(value / 100);
    const minute = value % 100;
    if (minute > 59 || hour > 24 || (hour === 24 && (minute > 0 || !end))) this.fail('badTime');
    this.j++;
    return hour * 60 + minute;
  }

  private times(): TimeRange[] {
    const list: TimeRange[] = [];
    do {
      const from = this.time(false);
      if (this.isChar(43 /* + */)) this.fail('openEnd');
      if (!this.isChar(45)) this.fail('rangeEnd');
      this.j++;
      const at = this.position();
      const to = this.time(true);
      if (this.isChar(43)) this.fail('openEnd');
      if (to <= from) this.fail('pastMidnight', at);
      list.push({ from, to });
    } while (this.isChar(44) && this.kind(1) === TIME && ++this.j);
    return list;
  }
}

/**
 * Parses an opening-hours value (the OSM `opening_hours` syntax, subset
 * described in `docs/opening-hours.md`) into plain data.
 *
 * @example
 * parseOpeningHours('Mo-Fr 09:00-12:00; PH off').rules.length // 2
 * @throws {OpeningHoursSyntaxError} when the value is outside the subset, with the position of the problem.
 */
export function parseOpeningHours(text: string): OpeningHours {
  return new Parser(text).parse();
}

/**
 * Like {@link parseOpeningHours}, without throwing: `{ success: true, value }`
 * or `{ success: false, error }`.
 *
 * @example
 * const result = safeParseOpeningHours('Mo-Fr 9h-12h');
 * if (!result.success) console.log(result.error.position, result.error.messageFr);
 */
export function safeParseOpeningHours(text: string): SafeParseOpeningHoursResult {
  try {
    return { success: true, value: parseOpeningHours(text) };
  } catch (error) {
    if (isOpeningHoursSyntaxError(error)) return { success: false, error };
    throw error;
  }
}
