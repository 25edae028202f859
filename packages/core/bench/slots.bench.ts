// Benchmark of @rsp/core/slots: one site, 5 partner agencies with realistic
// presence hours, 3 months of booking window, ~200 existing bookings. The
// target: listing the free slots of the 5 agencies over 3 months in under
// 5 ms. Run with `node --conditions=source --import tsx packages/core/bench/slots.bench.ts`.
import { cpus } from 'node:os';
import { parseOpeningHours } from '../src/hours/index.js';
import type { Motif } from '../src/schemas/index.js';
import type { SlotBooking, SlotQuery } from '../src/slots/index.js';
import { checkSlot, listFreeSlots, nextFreeSlots } from '../src/slots/index.js';
import { measure as measureMedian } from './measure.js';

/** More runs than the default: each call takes about a millisecond. */
const measure = <T>(fn: () => T, runs = 51) => measureMedian(fn, runs, 5);


/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const siteText = 'Mo-Fr 08:30-12:30,13:30-17:30; Sa 09:00-12:00; PH off';
const agencies: { id: string; presence: string; motif: Pick<Motif, 'durationMinutes' | 'channels' | 'bufferMinutes' | 'minNoticeMinutes' | 'horizonDays'> }[] = [
  { id: 'caf', presence: 'Tu,Th 09:00-12:00,14:00-17:00', motif: { durationMinutes: 30, channels: ['on-site', 'visio'], bufferMinutes: 10, minNoticeMinutes: 60, horizonDays: 92 } },
  { id: 'cpam', presence: 'Mo-Fr 09:00-12:00', motif: { durationMinutes: 20, channels: ['on-site', 'phone'], bufferMinutes: 5, minNoticeMinutes: 30, horizonDays: 92 } },
  { id: 'carsat', presence: 'We[1,3] 09:00-12:30,13:30-16:30', motif: { durationMinutes: 45, channels: ['on-site'], bufferMinutes: 15, minNoticeMinutes: 1440, horizonDays: 92 } },
  { id: 'dgfip', presence: 'Mo,We,Fr 08:30-12:00,13:30-17:00; Apr 15-May 31 Mo-Fr 08:30-17:30', motif: { durationMinutes: 30, channels: ['on-site', 'phone', 'visio'], bufferMinutes: 0, minNoticeMinutes: 30, horizonDays: 92 } },
  { id: 'france-travail', presence: 'Mo-Fr 08:30-12:30,13:30-16:30; Sa 09:00-12:00', motif: { durationMinutes: 60, channels: ['on-site', 'visio'], bufferMinutes: 15, minNoticeMinutes: 120, horizonDays: 92 } },
];

const now = new Date('2026-02-16T08:00:00Z'); // Monday 16 February 2026, 09:00 Paris: the window crosses the spring clock change, Easter and 1 May
const siteHours = parseOpeningHours(siteText);
const rnd = random(2026);

const queries: SlotQuery[] = agencies.map((a) => {
  const base: SlotQuery = { siteHours, receiverHours: parseOpeningHours(a.presence), motif: a.motif, channel: 'on-site', now, capacity: a.id === 'france-travail' ? 2 : 1 };
  const free = listFreeSlots(base);
  const bookings: SlotBooking[] = [];
  for (let i = 0; i < 40 && free.length > 0; i++) {
    const slot = free.splice(Math.floor(rnd() * free.length), 1)[0];
    if (slot === undefined) break;
    bookings.push({ start: slot.start.toISOString(), end: slot.end.toISOString(), status: rnd() < 0.1 ? 'cancelled' : 'confirmed' });
  }
  const absences = [{ start: new Date('2026-03-02T07:00:00Z'), end: new Date('2026-03-07T17:00:00Z') }];
  return { ...base, bookings, absences };
});
const [caf, , , dgfip] = queries;
if (caf === undefined || dgfip === undefined) throw new Error('The benchmark needs its 5 agencies');
const bookingCount = queries.reduce((n, q) => n + (q.bookings?.length ?? 0), 0);

const rows: [string, string, string][] = [];
const add = (what: string, ms: number, note: string) => rows.push([what, `${ms.toFixed(2)} ms`, note]);

// Warm the JIT up on the whole workload first, so that the first row is not the one paying for it.
for (let i = 0; i < 30; i++) for (const q of queries) listFreeSlots(q);
const all = measure(() => queries.map((q) => listFreeSlots(q)));
add('list free slots, 5 agencies, 3 months', all.ms, `${String(all.result.reduce((n, s) => n + s.length, 0))} slots, ${String(bookingCount)} bookings; the target: under 5 ms`);

const texts = queries.map((q, i) => ({ ...q, siteHours: siteText, receiverHours: agencies[i]?.presence ?? '' }));
const fromText = measure(() => texts.map((q) => listFreeSlots(q)));
add('same, hours given as OSM text', fromText.ms, 'parsing included');

const one = measure(() => listFreeSlots(caf));
add('list free slots, 1 agency, 3 months', one.ms, `${String(one.result.length)} slots`);

const phone = measure(() => listFreeSlots({ ...dgfip, channel: 'phone' }));
add('list phone slots, 1 agency (agent hours only)', phone.ms, `${String(phone.result.length)} slots`);

const next = measure(() => queries.map((q) => nextFreeSlots(q, 10)));
add('next 10 free slots, 5 agencies', next.ms, 'what a widget shows first');

const proposals = queries.flatMap((query, k) => (all.result[k] ?? []).filter((_, i) => i % 3 === 0).map((slot) => ({ slot, query })));
const taken = proposals.map(({ slot, query }) => ({ slot: { start: new Date(slot.start.getTime() + 5 * 60_000) }, query }));
const checks = measure(() => [...proposals, ...taken].map(({ slot, query }) => checkSlot(slot, query).ok), 21);
add(`check ${String(checks.result.length)} proposals, one by one`, checks.ms, `${String(checks.result.filter(Boolean).length)} ok, the others 5 minutes off the grid`);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`@rsp/core slots benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu} (${String(cpus().length)} cores)\n`);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [what, ms, note] of rows) console.log(`${what.padEnd(width)}  ${ms.padStart(10)}  ${note}`);
