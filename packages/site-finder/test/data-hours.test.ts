import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Site } from '@rsp/core/schemas.js';
import { describeHours, toFinderSite } from '../src/data/index.js';

const site = (openingHours?: string, extra: Partial<Site> = {}): Site => ({
  schemaVersion: 1,
  id: 's1',
  name: 'Lieu',
  venueKind: 'other',
  address: { postcode: '46300', commune: 'Gourdon' },
  equipment: {},
  mediatorIds: [],
  stops: [],
  ...(openingHours === undefined ? {} : { openingHours }),
  ...extra,
});

/** The summary in both languages at an instant. */
const say = (hours: string | undefined, iso: string): [string, string] => {
  const s = site(hours);
  return [describeHours(s, new Date(iso), 'fr').summary, describeHours(s, new Date(iso), 'en').summary];
};

const WEEKDAYS = 'Mo-Fr 09:00-12:00,14:00-17:00';

describe('describeHours', () => {
  it('says until when a site is open, and when it opens next (Paris time, winter)', () => {
    // Tuesday 6 January 2026, 10:00 in Paris.
    assert.deepEqual(say(WEEKDAYS, '2026-01-06T09:00:00Z'), ['Ouvert jusqu’à 12:00', 'Open until 12:00']);
    assert.deepEqual(say(WEEKDAYS, '2026-01-06T12:00:00Z'), ['Ouvre à 14:00', 'Opens at 14:00']);
    assert.deepEqual(say(WEEKDAYS, '2026-01-06T15:00:00Z'), ['Ouvert jusqu’à 17:00', 'Open until 17:00']);
    assert.deepEqual(say(WEEKDAYS, '2026-01-06T17:30:00Z'), ['Ouvre demain à 09:00', 'Opens tomorrow 09:00']);
    // Saturday 10 January: next opening on Monday.
    assert.deepEqual(say(WEEKDAYS, '2026-01-10T09:00:00Z'), ['Ouvre lundi à 09:00', 'Opens Monday 09:00']);
    assert.deepEqual(say('Tu 09:00-12:00', '2026-01-07T09:00:00Z'), ['Ouvre mardi à 09:00', 'Opens Tuesday 09:00']);
  });

  it('handles the DST week: times stay Paris wall times across the spring change', () => {
    // Friday 27 March 2026, 18:00 CET; the clocks go forward on Sunday 29 March.
    const s = site(WEEKDAYS);
    const fr = describeHours(s, new Date('2026-03-27T17:00:00Z'), 'fr');
    assert.equal(fr.summary, 'Ouvre lundi à 09:00');
    assert.equal(fr.opensAt?.toISOString(), '2026-03-30T07:00:00.000Z', '09:00 CEST');
    const monday = describeHours(s, new Date('2026-03-30T07:30:00Z'), 'en');
    assert.equal(monday.summary, 'Open until 12:00');
    assert.equal(monday.closesAt?.toISOString(), '2026-03-30T10:00:00.000Z');
    // A night opening over the missing hour counts one hour less.
    const night = describeHours(site('Su 01:00-04:00'), new Date('2026-03-29T00:30:00Z'), 'fr');
    assert.equal(night.summary, 'Ouvert jusqu’à 04:00');
    assert.equal(night.weekHours, 2);
    assert.deepEqual(night.week.find((d) => d.weekday === 7)?.ranges.map((r) => `${r.from}-${r.to}`), ['01:00-04:00']);
  });

  it('closes on a public holiday when the hours say PH off, and marks the day', () => {
    // Friday 1 May 2026, 10:00 in Paris.
    const hours = 'Mo-Fr 09:00-17:00; PH off';
    assert.deepEqual(say(hours, '2026-05-01T08:00:00Z'), ['Ouvre lundi à 09:00', 'Opens Monday 09:00']);
    const d = describeHours(site(hours), new Date('2026-05-01T08:00:00Z'), 'fr');
    const friday = d.week[4];
    assert.deepEqual(friday && [friday.date, friday.name, friday.holiday, friday.today, friday.text], ['2026-05-01', 'vendredi', true, true, 'Fermé']);
    assert.equal(d.week[3]?.text, '09:00–17:00');
    assert.equal(d.week[3].holiday, false);
    assert.equal(d.weekHours, 32);
    // Without PH off, a holiday is an ordinary day (the hours do not say otherwise).
    assert.deepEqual(say('Mo-Fr 09:00-17:00', '2026-05-01T08:00:00Z'), ['Ouvert jusqu’à 17:00', 'Open until 17:00']);
  });

  it('marks appointment-only periods from the hours’ comment', () => {
    const hours = 'Mo-Fr 09:00-12:00, Mo-Fr 14:00-17:00 "sur rendez-vous"';
    assert.deepEqual(say(hours, '2026-01-06T13:00:00Z'), ['Ouvert jusqu’à 17:00 (sur rendez-vous)', 'Open until 17:00 (by appointment)']);
    assert.deepEqual(say(hours, '2026-01-06T11:30:00Z'), ['Ouvre à 14:00 (sur rendez-vous)', 'Opens at 14:00 (by appointment)']);
    assert.deepEqual(say(hours, '2026-01-06T09:00:00Z'), ['Ouvert jusqu’à 12:00', 'Open until 12:00']);
    const d = describeHours(site(hours), new Date('2026-01-06T09:00:00Z'), 'fr');
    assert.equal(d.week[0]?.text, '09:00–12:00, 14:00–17:00 (sur rendez-vous)');
    assert.deepEqual(d.week[0].ranges.map((r) => r.appointmentOnly), [false, true]);
    assert.equal(d.week[0].ranges[1]?.comment, 'sur rendez-vous');
    assert.equal(d.appointmentOnlyHours, 15);
    assert.equal(toFinderSite(site(hours)).appointments, true, 'appointment-only hours mean appointments are offered');
    // Open then straight into an appointment-only period: says the real closing.
    assert.deepEqual(say('Mo-Fr 09:00-12:00, Mo-Fr 12:00-14:00 "rdv"', '2026-01-06T09:00:00Z'), ['Ouvert jusqu’à 14:00', 'Open until 14:00']);
  });

  it('says midnight, tomorrow, a date, always open and closed', () => {
    assert.deepEqual(say('Mo-Fr 18:00-24:00', '2026-01-06T19:00:00Z'), ['Ouvert jusqu’à minuit', 'Open until midnight']);
    assert.deepEqual(say('Fr 20:00-24:00; Sa 00:00-02:00', '2026-01-09T21:00:00Z'), ['Ouvert jusqu’à demain 02:00', 'Open until tomorrow 02:00']);
    assert.deepEqual(say('Sep-Jun Mo-Fr 09:00-17:00', '2026-07-15T08:00:00Z'), ['Ouvre le 1 septembre à 09:00', 'Opens 1 September 09:00']);
    assert.deepEqual(say('24/7', '2026-01-06T09:00:00Z'), ['Ouvert 24 h/24', 'Open 24/7']);
    assert.deepEqual(say('Mo-Su off', '2026-01-06T09:00:00Z'), ['Fermé', 'Closed']);
  });

  it('says unknown hours as such, keeping the source’s own text', () => {
    assert.deepEqual(say(undefined, '2026-01-06T09:00:00Z'), ['Horaires inconnus', 'Hours unknown']);
    const kept = describeHours(site(undefined, { openingHoursText: 'Le mardi matin <b>et</b> sur RDV' }), new Date('2026-01-06T09:00:00Z'), 'fr');
    assert.deepEqual([kept.status, kept.original, kept.week.length], ['unknown', 'Le mardi matin <b>et</b> sur RDV', 0]);
    const unreadable = describeHours(site('lundi 9h-12h'), new Date('2026-01-06T09:00:00Z'), 'en');
    assert.deepEqual([unreadable.status, unreadable.summary, unreadable.original], ['unknown', 'Hours unknown', 'lundi 9h-12h']);
  });

  it('gives the week Monday to Sunday with day names in both languages', () => {
    const fr = describeHours(site('Mo-Fr 09:00-12:00; Sa 10:00-12:00'), new Date('2026-01-06T09:00:00Z'), 'fr');
    assert.deepEqual(fr.week.map((d) => `${d.name} ${d.text}`), [
      'lundi 09:00–12:00',
      'mardi 09:00–12:00',
      'mercredi 09:00–12:00',
      'jeudi 09:00–12:00',
      'vendredi 09:00–12:00',
      'samedi 10:00–12:00',
      'dimanche Fermé',
    ]);
    assert.deepEqual(fr.week.map((d) => d.today), [false, true, false, false, false, false, false]);
    const en = describeHours(toFinderSite(site('Mo-Fr 09:00-12:00')), new Date('2026-01-06T09:00:00Z'), 'en');
    assert.deepEqual(en.week.map((d) => d.name).slice(0, 2), ['Monday', 'Tuesday']);
    assert.equal(en.week[6]?.text, 'Closed');
  });
});
