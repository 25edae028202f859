import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  OpeningHoursSyntaxError,
  isAppointmentComment,
  isOpeningHoursSyntaxError,
  parseOpeningHours,
  safeParseOpeningHours,
  serializeOpeningHours,
} from '../src/hours/index.js';
import { openingHoursArbitrary } from './fixtures/hours/arbitraries.js';
import { invalidValues, validValues } from './fixtures/hours/grammar.js';
import { realOpeningHours } from './fixtures/hours/real.js';

describe('parseOpeningHours: golden valid values', () => {
  for (const [input, canonical] of validValues) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(canonical)}`, () => {
      const oh = parseOpeningHours(input);
      assert.equal(serializeOpeningHours(oh), canonical);
      assert.deepEqual(parseOpeningHours(canonical), oh);
      assert.deepEqual(JSON.parse(JSON.stringify(oh)), oh, 'plain JSON data');
    });
  }

  it('builds the expected tree', () => {
    assert.deepEqual(parseOpeningHours('Mo-Fr 08:30-12:00,13:30-17:00; We[1,-1] 14:00-17:00 "sur RDV", PH off'), {
      rules: [
        {
          additional: false,
          weekdays: [{ type: 'weekdays', from: 1, to: 5 }],
          times: [
            { from: 510, to: 720 },
            { from: 810, to: 1020 },
          ],
          appointmentOnly: false,
        },
        {
          additional: false,
          weekdays: [
            {
              type: 'nth',
              weekday: 3,
              nth: [
                { from: 1, to: 1 },
                { from: -1, to: -1 },
              ],
            },
          ],
          times: [{ from: 840, to: 1020 }],
          comment: 'sur RDV',
          appointmentOnly: true,
        },
        { additional: true, weekdays: [{ type: 'holiday' }], modifier: 'closed', appointmentOnly: false },
      ],
    });
    assert.deepEqual(parseOpeningHours('Sep-Jun,Dec 24-Jan 02 week 02-52/2 Mo').rules[0], {
      additional: false,
      monthdays: [
        { type: 'months', from: 9, to: 6 },
        { type: 'dates', from: { month: 12, day: 24 }, to: { month: 1, day: 2 } },
      ],
      weeks: [{ from: 2, to: 52, step: 2 }],
      weekdays: [{ type: 'weekdays', from: 1, to: 1 }],
      appointmentOnly: false,
    });
    assert.deepEqual(parseOpeningHours('24/7').rules, [{ additional: false, always: true, appointmentOnly: false }]);
  });

  it('writes the hand-written real-style values back unchanged, but for the padding of week numbers', () => {
    for (const value of realOpeningHours) {
      const padded = value.replace(/(?<=week [\d,-]*)\b(\d)\b/g, '0$1');
      assert.equal(serializeOpeningHours(parseOpeningHours(value)), padded);
    }
    assert.equal(serializeOpeningHours(parseOpeningHours('week 1-53/2 Mo 09:00-12:00')), 'week 01-53/2 Mo 09:00-12:00');
  });
});

describe('parseOpeningHours: golden invalid values', () => {
  for (const [input, position, message] of invalidValues) {
    it(`${JSON.stringify(input)} fails at ${position}`, () => {
      assert.throws(
        () => parseOpeningHours(input),
        (error: unknown) => {
          assert.ok(error instanceof OpeningHoursSyntaxError);
          assert.equal(error.name, 'OpeningHoursSyntaxError');
          assert.equal(error.position, position, `position of ${error.message}`);
          assert.ok(error.message.startsWith(message), error.message);
          assert.ok(error.messageFr.length > 10 && error.messageFr !== error.message, error.messageFr);
          return true;
        },
      );
    });
  }

  it('writes French messages with French typography', () => {
    const result = safeParseOpeningHours('Mo 09:00-12:00 Tu 10:00-12:00');
    assert.ok(!result.success);
    assert.equal(result.error.messageFr, '«\u00a0;\u00a0» ou «\u00a0,\u00a0» attendu entre deux règles');
    const time = safeParseOpeningHours('Mo 9h');
    assert.ok(!time.success && time.error.messageFr === 'Heure attendue, par exemple 09:00');
  });
});

describe('safeParseOpeningHours and isOpeningHoursSyntaxError', () => {
  it('returns the value or the error without throwing', () => {
    const ok = safeParseOpeningHours('Mo 09:00-12:00');
    assert.deepEqual(ok, { success: true, value: parseOpeningHours('Mo 09:00-12:00') });
    const ko = safeParseOpeningHours('Mo 09:00-12:00 SH');
    assert.ok(!ko.success);
    assert.equal(ko.error.position, 15);
    assert.ok(ko.error instanceof Error);
  });

  it('recognises errors from another copy of the module or after serialisation, not look-alikes', () => {
    const result = safeParseOpeningHours('Mo 25:00-26:00');
    assert.ok(!result.success);
    const plain = { ...JSON.parse(JSON.stringify(result.error)), name: result.error.name, message: result.error.message } as unknown;
    assert.ok(isOpeningHoursSyntaxError(result.error));
    assert.ok(isOpeningHoursSyntaxError(plain));
    assert.ok(isOpeningHoursSyntaxError(Object.assign(new Error('x'), { name: 'OpeningHoursSyntaxError', position: 1, messageFr: 'x' })));
    assert.ok(!isOpeningHoursSyntaxError(new Error('Mo 25:00')));
    assert.ok(!isOpeningHoursSyntaxError({ name: 'OpeningHoursSyntaxError', position: '3', message: 'm', messageFr: 'm' }));
    assert.ok(!isOpeningHoursSyntaxError(null));
    assert.ok(!isOpeningHoursSyntaxError('OpeningHoursSyntaxError'));
  });

  it('rethrows what is not a syntax error', () => {
    assert.throws(() => safeParseOpeningHours(undefined as unknown as string), TypeError);
  });
});

describe('appointment comments', () => {
  it('flags "rendez-vous", "rdv" and "appointment", whatever the case and accents', () => {
    for (const comment of ['sur rendez-vous', 'Sur Rendez-Vous', 'UNIQUEMENT SUR RENDEZ VOUS', 'sur rendéz-vous', 'sur RDV', 'rdv conseiller', 'By appointment only', 'Appointment']) {
      assert.ok(isAppointmentComment(comment), comment);
      assert.equal(parseOpeningHours(`Mo 09:00-12:00 "${comment}"`).rules[0]?.appointmentOnly, true, comment);
    }
    for (const comment of ['accueil libre', 'fermé', 'rdvz', 'vous rendre en mairie', 'permanence CAF']) {
      assert.ok(!isAppointmentComment(comment), comment);
      assert.equal(parseOpeningHours(`Mo 09:00-12:00 "${comment}"`).rules[0]?.appointmentOnly, false, comment);
    }
  });

  it('keeps the comment text as written', () => {
    assert.equal(parseOpeningHours('Tu 14:00-17:00 "Uniquement sur RDV !"').rules[0]?.comment, 'Uniquement sur RDV !');
  });
});

describe('serializeOpeningHours', () => {
  it('round-trips generated trees (fast-check, fixed seed): parse(serialize(x)) deep-equals x', () => {
    fc.assert(
      fc.property(openingHoursArbitrary, (oh) => {
        const text = serializeOpeningHours(oh);
        assert.deepEqual(parseOpeningHours(text), oh);
        assert.equal(serializeOpeningHours(parseOpeningHours(text)), text);
      }),
      { seed: 4242, numRuns: 1000 },
    );
  });

  it('refuses a comment that the syntax cannot quote', () => {
    assert.throws(() => serializeOpeningHours({ rules: [{ additional: false, comment: 'a "b"', appointmentOnly: false }] }), RangeError);
  });
});

describe('parser robustness', () => {
  it('fails only with a syntax error, at a position inside the text, on any input made of its alphabet', () => {
    const pieces = ['Mo', 'Fr', 'Su', 'PH', 'SH', 'Jan', 'Dec', 'week', 'off', 'open', 'closed', '"rdv"', '"', '24/7', '||', 'x', 'é'];
    const alphabet = [...pieces, ' ', '0', '1', '2', '3', '5', '9', ':', '-', ',', ';', '/', '[', ']', '+'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        const result = safeParseOpeningHours(text);
        if (result.success) assert.deepEqual(parseOpeningHours(serializeOpeningHours(result.value)), result.value);
        else assert.ok(result.error.position >= 0 && result.error.position <= text.length, `${text} @${result.error.position}`);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('parses 3,000 values in well under 50 ms', (t) => {
    const values = Array.from({ length: 3000 }, (_, i) => realOpeningHours[i % realOpeningHours.length] ?? '');
    for (const value of values.slice(0, 300)) parseOpeningHours(value); // warm-up
    const start = performance.now();
    for (const value of values) parseOpeningHours(value);
    const elapsed = performance.now() - start;
    t.diagnostic(`3,000 values parsed in ${elapsed.toFixed(1)} ms`);
    assert.ok(elapsed < 150, `${elapsed} ms`); // generous for slow CI machines; measured ~5 ms
  });
});
