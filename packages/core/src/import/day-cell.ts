/**
 * The per-day hours cells of the France Services list: `09:00 - 12:00 / 13:30 - 17:00`.
 *
 * @module
 */

/** A time range in minutes since midnight, `[start, end)`, end after start (at most 1440). */
export type MinuteRange = [start: number, end: number];

/** What reading one day cell found. */
export interface DayCell {
  /** The ranges, sorted and merged; empty when the cell is empty or held only placeholders. */
  readonly ranges: MinuteRange[];
  /** How many `00:00 - 00:00` placeholders were left out. */
  readonly placeholders: number;
  /** How many ranges were folded into others because they repeated, overlapped or touched one. */
  readonly merged: number;
  /** The parts that are not `HH:MM - HH:MM` (or end before they start); the cell is then unusable. */
  readonly unreadable: string[];
}

const RANGE = /^(\d{1,2})[:hH](\d{2})\s*[-–]\s*(\d{1,2})[:hH](\d{2})$/;

/** Minutes since midnight of `h:m`, or `undefined` when it is not a time of day (24:00 allowed). */
export function toMinutes(hours: number, minutes: number): number | undefined {
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

/**
 * Sorts ranges and folds those that repeat, overlap or touch
 * (`09:00-11:00` and `11:00-12:00` give `09:00-12:00`). Returns the merged
 * ranges and how many ranges disappeared into others.
 */
export function mergeRanges(ranges: readonly MinuteRange[]): { ranges: MinuteRange[]; merged: number } {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: MinuteRange[] = [];
  let merged = 0;
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
      merged++;
    } else {
      out.push([start, end]);
    }
  }
  return { ranges: out, merged };
}

/** The two digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `HH:MM` at `at` in minutes, or -1. */
function timeAt(text: string, at: number): number {
  const h = twoDigits(text, at);
  const m = twoDigits(text, at + 3);
  if (h < 0 || m < 0 || m > 59 || text.charCodeAt(at + 2) !== 58 /* : */) return -1;
  const minutes = h * 60 + m;
  return minutes > 1440 ? -1 : minutes;
}

/**
 * The fast path for the cells of the 2024 list: `HH:MM - HH:MM` ranges joined
 * by ` / `, in order, none empty, none overlapping. `undefined` for anything
 * else (which the general reader then handles and reports).
 */
function readStrict(cell: string): MinuteRange[] | undefined {
  if ((cell.length - 13) % 16 !== 0) return undefined;
  const ranges: MinuteRange[] = [];
  let previous = -1;
  for (let at = 0; at < cell.length; at += 16) {
    if (at > 0 && (cell.charCodeAt(at - 3) !== 32 || cell.charCodeAt(at - 2) !== 47 /* / */ || cell.charCodeAt(at - 1) !== 32)) return undefined;
    if (cell.charCodeAt(at + 5) !== 32 || cell.charCodeAt(at + 6) !== 45 /* - */ || cell.charCodeAt(at + 7) !== 32) return undefined;
    const start = timeAt(cell, at);
    const end = timeAt(cell, at + 8);
    if (start < 0 || end <= start || start <= previous || start === 1440) return undefined;
    ranges.push([start, end]);
    previous = end;
  }
  return ranges;
}

/**
 * Reads one day cell of the France Services list. Empty gives no ranges;
 * `00:00 - 00:00` placeholders are counted and left out; repeated or
 * overlapping ranges are merged and counted.
 *
 * @example
 * readDayCell('09:00 - 12:00 / 09:00 - 16:30 / 14:00 - 16:30') // { ranges: [[540, 990]], merged: 2, … }
 */
export function readDayCell(text: string): DayCell {
  const cell = text.trim();
  if (cell === '') return { ranges: [], placeholders: 0, merged: 0, unreadable: [] };
  const strict = readStrict(cell);
  if (strict) return { ranges: strict, placeholders: 0, merged: 0, unreadable: [] };
  const ranges: MinuteRange[] = [];
  const unreadable: string[] = [];
  let placeholders = 0;
  for (const raw of cell.split('/')) {
    const part = raw.trim();
    if (part === '') continue;
    const m = RANGE.exec(part);
    const start = m ? toMinutes(Number(m[1]), Number(m[2])) : undefined;
    const end = m ? toMinutes(Number(m[3]), Number(m[4])) : undefined;
    if (start === undefined || end === undefined) {
      unreadable.push(part);
    } else if (start === end) {
      placeholders++;
    } else if (end < start || start === 1440) {
      unreadable.push(part);
    } else {
      ranges.push([start, end]);
    }
  }
  const folded = mergeRanges(ranges);
  return { ranges: folded.ranges, placeholders, merged: folded.merged, unreadable };
}
