import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidationError } from '../src/errors.js';
import {
  Agency,
  Booking,
  Convention,
  Mediator,
  Motif,
  SCHEMA_VERSION,
  Site,
  SurveyDefinition,
  SurveyResponse,
  VisioSession,
  WeeklyCount,
  checkAnswers,
  isBlankAnswer,
  isQuestionShown,
  keptAnswers,
  shownQuestions,
  parseOrThrow,
  validate,
} from '../src/schemas/index.js';
import type { SurveyAnswer, SurveyDefinitionInput } from '../src/schemas/index.js';

/** The issues of an invalid input, as `path: message` lines. */
function problems(schema: Parameters<typeof validate>[0], input: unknown, locale: 'fr' | 'en' = 'fr'): string[] {
  const result = validate(schema, input, { locale });
  if (result.success) assert.fail('expected the input to be rejected');
  return result.issues.map((i) => `${i.path}: ${i.message}`);
}

const gourdon = {
  id: 'fs-46-127',
  name: 'France Services de Gourdon',
  venueKind: 'france-services',
  address: { street: '20 boulevard des Martyrs', postcode: '46300', commune: 'Gourdon', inseeCode: '46127' },
  coordinates: { lat: 44.7375, lon: 1.3832 },
  openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off',
  equipment: { broadbandComputers: 2, scanner: true },
  confidentialSpace: true,
};

describe('Site', () => {
  it('accepts a real site and fills in the version and empty lists', () => {
    const site = parseOrThrow(Site, gourdon);
    assert.equal(site.schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(site.mediatorIds, []);
    assert.deepEqual(site.stops, []);
    assert.equal(site.equipment.printer, undefined, 'unknown equipment stays unknown');
  });

  it('names the path and says what is wrong, in French by default', () => {
    const issues = problems(Site, { ...gourdon, address: { ...gourdon.address, postcode: '4630', inseeCode: '2C004' } });
    assert.deepEqual(issues, [
      'address.postcode: doit être un code postal à 5 chiffres, par exemple 46300 (reçu « 4630 »)',
      'address.inseeCode: doit être un code INSEE de commune à 5 caractères, par exemple 46042 ou 2A004 (reçu « 2C004 »)',
    ]);
  });

  it('says it in English when asked', () => {
    assert.deepEqual(problems(Site, { ...gourdon, coordinates: { lat: 95, lon: 1 } }, 'en'), [
      'coordinates.lat: must be a latitude between -90 and 90 degrees',
    ]);
  });

  it('reports a missing field as required and an unknown venue kind with the allowed values', () => {
    const { name, ...nameless } = gourdon;
    assert.ok(name);
    assert.deepEqual(problems(Site, { ...nameless, venueKind: 'mairie' }), [
      'name: est obligatoire',
      'venueKind: doit être l’une de ces valeurs : « cyber-base », « epn », « town-hall », « community-house », « library », « france-services », « itinerant », « other » (reçu « mairie »)',
    ]);
  });

  it('never drops an unknown field silently', () => {
    assert.deepEqual(problems(Site, { ...gourdon, colour: 'blue' }, 'en'), ['colour: is an unknown field']);
  });

  it('accepts Corsican INSEE codes and overseas communes', () => {
    assert.ok(validate(Site, { ...gourdon, address: { postcode: '20000', commune: 'Ajaccio', inseeCode: '2A004' } }).success);
    assert.ok(validate(Site, { ...gourdon, address: { postcode: '97300', commune: 'Cayenne', inseeCode: '97302' } }).success);
  });

  it('rejects a negative number of computers and a fractional one', () => {
    assert.deepEqual(problems(Site, { ...gourdon, equipment: { broadbandComputers: -1 } }, 'en'), ['equipment.broadbandComputers: cannot be negative']);
    assert.deepEqual(problems(Site, { ...gourdon, equipment: { broadbandComputers: 1.5 } }, 'en'), ['equipment.broadbandComputers: must be a whole number (got 1.5)']);
  });

  it('throws a ValidationError that lists every issue', () => {
    try {
      parseOrThrow(Site, { ...gourdon, id: 'bad id!', email: 'nope' }, { locale: 'en', what: 'site' });
      assert.fail('should have thrown');
    } catch (error) {
      assert.ok(isValidationError(error));
      assert.deepEqual(error.issues.map((i) => i.path), ['id', 'email']);
      assert.match(error.message, /^Invalid site: id: must be an identifier/);
    }
  });
});

describe('Agency and Convention', () => {
  it('accepts the CAF with its sector and rejects an unknown sector', () => {
    assert.ok(validate(Agency, { id: 'caf-46', name: 'CAF', sector: 'social', nationalPartner: 'cnaf' }).success);
    assert.deepEqual(problems(Agency, { id: 'x', name: 'X', sector: 'health' }, 'en'), [
      'sector: must be one of: "social", "employment-training", "other" (got "health")',
    ]);
  });

  it('keeps a convention with its referents and the agency presence hours', () => {
    const convention = parseOrThrow(Convention, {
      id: 'c1',
      siteId: 'fs-46-127',
      agencyId: 'caf-46',
      signedOn: '2008-11-14',
      referents: [{ name: 'Mme Delpech', email: 'referente@caf.fr' }],
      presenceHours: 'Tu 09:00-12:00',
    });
    assert.equal(convention.referents.length, 1);
    assert.deepEqual(problems(Convention, { id: 'c1', siteId: 's', agencyId: 'a', signedOn: '2008-02-30' }, 'en'), [
      'signedOn: must be a real date written YYYY-MM-DD, for example 2026-03-03 (got "2008-02-30")',
    ]);
  });
});

describe('Mediator and Motif', () => {
  it('needs at least one site for a mediator', () => {
    assert.deepEqual(problems(Mediator, { id: 'm1', name: 'Julie', role: 'reception-agent', siteIds: [] }, 'en'), ['siteIds: must contain at least one item']);
  });

  it('fills in the booking window defaults of a motif: 30 minutes notice, 92 days ahead, no buffer', () => {
    const motif = parseOrThrow(Motif, { id: 'retraite', agencyId: 'carsat', label: { fr: 'Préparer ma retraite' }, durationMinutes: 45, channels: ['on-site', 'visio'] });
    assert.equal(motif.minNoticeMinutes, 30);
    assert.equal(motif.horizonDays, 92);
    assert.equal(motif.bufferMinutes, 0);
  });

  it('rejects a motif without channel, twice the same channel, or a 2-minute duration', () => {
    const base = { id: 'm', agencyId: 'caf', label: { fr: 'Mes droits' }, durationMinutes: 30, channels: ['phone'] };
    assert.deepEqual(problems(Motif, { ...base, channels: [] }, 'en'), ['channels: must contain at least one item']);
    assert.deepEqual(problems(Motif, { ...base, channels: ['phone', 'phone'] }, 'en'), ['channels: contains the same value twice']);
    assert.deepEqual(problems(Motif, { ...base, durationMinutes: 2 }, 'en'), ['durationMinutes: must last at least 5 minutes']);
  });
});

describe('Booking', () => {
  const booking = {
    id: 'b1',
    agencyId: 'caf-46',
    motifId: 'droits',
    siteId: 'fs-46-127',
    channel: 'on-site',
    start: '2026-03-03T09:30:00+01:00',
    end: '2026-03-03T10:00:00+01:00',
    person: { name: 'Marie Dupont', phone: '05 65 41 00 00' },
    createdAt: '2026-02-20T14:02:11Z',
  };

  it('accepts a booking and defaults to confirmed, booked by the user', () => {
    const parsed = parseOrThrow(Booking, booking);
    assert.equal(parsed.status, 'confirmed');
    assert.equal(parsed.bookedBy, 'user');
  });

  it('needs a phone number or an e-mail, an end after the start, and a site unless by phone', () => {
    assert.deepEqual(problems(Booking, { ...booking, person: { name: 'Marie' } }, 'en'), [
      'person.phone: a telephone number or an e-mail address is needed for the confirmation',
    ]);
    assert.deepEqual(problems(Booking, { ...booking, end: booking.start }, 'en'), ['end: must be after the start']);
    const { siteId, ...siteless } = booking;
    assert.ok(siteId);
    assert.deepEqual(problems(Booking, siteless, 'en'), ['siteId: is required for an on-site or visio-guichet appointment']);
    assert.ok(validate(Booking, { ...siteless, channel: 'phone' }).success);
  });

  it('rejects a time without its offset', () => {
    assert.deepEqual(problems(Booking, { ...booking, start: '2026-03-03T09:30:00' }, 'en'), [
      'start: must be a date and time with its offset, for example 2026-03-03T09:30:00+01:00 (got "2026-03-03T09:30:00")',
    ]);
  });
});

describe('WeeklyCount and VisioSession', () => {
  it('counts by service and by agency for an ISO week', () => {
    const count = parseOrThrow(WeeklyCount, { siteId: 'cb-46-1', week: '2009-W07', byService: { visio: 2, 'online-help': 5 }, byAgency: { cram: 2 } });
    assert.equal(count.byService.visio, 2);
    assert.deepEqual(problems(WeeklyCount, { siteId: 's', week: '2009-W54' }, 'en'), ['week: must be an ISO week written YYYY-Www, for example 2026-W10 (got "2009-W54")']);
    assert.deepEqual(problems(WeeklyCount, { siteId: 's', week: '2009-W07', byService: { cooking: 1 } }, 'en').length, 1);
    assert.deepEqual(problems(WeeklyCount, { siteId: 's', week: '2009-W07', byAgency: { caf: -2 } }, 'en'), ['byAgency.caf: cannot be negative']);
  });

  it('orders the times of a visio session', () => {
    const session = { id: 'v1', siteId: 's', agencyId: 'cram', requestedAt: '2009-02-10T10:00:00+01:00' };
    assert.ok(validate(VisioSession, { ...session, startedAt: '2009-02-10T10:05:00+01:00', endedAt: '2009-02-10T10:25:00+01:00', outcome: 'settled' }).success);
    assert.deepEqual(problems(VisioSession, { ...session, startedAt: '2009-02-10T09:00:00+01:00' }, 'en'), ['startedAt: cannot be before the request']);
    assert.deepEqual(problems(VisioSession, { ...session, endedAt: '2009-02-10T10:25:00+01:00' }, 'en'), ['endedAt: must be after the start']);
  });
});

describe('Survey', () => {
  const survey: SurveyDefinitionInput = {
    id: 'rsp-satisfaction',
    version: 1,
    title: { fr: 'Votre avis', en: 'Your opinion' },
    questions: [
      { id: 'known', type: 'yes-no', label: { fr: 'Connaissiez-vous ce lieu ?' }, required: true },
      {
        id: 'heard',
        type: 'single',
        label: { fr: 'Comment en avez-vous entendu parler ?' },
        options: [
          { value: 'agency', label: { fr: 'Par l’organisme' } },
          { value: 'word-of-mouth', label: { fr: 'Par le bouche-à-oreille' } },
        ],
        showIf: { question: 'known', equals: false },
      },
      { id: 'satisfaction', type: 'scale', label: { fr: 'Votre satisfaction' } },
      { id: 'comment', type: 'text', label: { fr: 'Un commentaire ?' }, maxLength: 20 },
    ],
  };
  const definition = parseOrThrow(SurveyDefinition, survey);

  it('rejects two questions with one id and a condition on a later question', () => {
    const broken = {
      ...survey,
      questions: [
        { id: 'a', type: 'yes-no', label: { fr: 'A ?' }, showIf: { question: 'b', equals: true } },
        { id: 'b', type: 'yes-no', label: { fr: 'B ?' } },
        { id: 'b', type: 'yes-no', label: { fr: 'B encore ?' } },
      ],
    };
    assert.deepEqual(problems(SurveyDefinition, broken, 'en'), [
      'questions[0].showIf.question: must name a question placed before this one',
      'questions[2].id: is already the id of another question',
    ]);
  });

  it('asks a conditional question only when its condition holds', () => {
    const heard = definition.questions[1]!;
    assert.equal(isQuestionShown(heard, {}), false);
    assert.equal(isQuestionShown(heard, { known: true }), false);
    assert.equal(isQuestionShown(heard, { known: false }), true);
  });

  it('hides a whole branch when its root is hidden, and keeps only the answers that stand', () => {
    const chain = SurveyDefinition.parse({
      schemaVersion: 1,
      id: 'chain',
      version: 1,
      title: { fr: 'Chaîne' },
      questions: [
        { id: 'came', type: 'yes-no', label: { fr: 'Venu ?' }, required: true },
        { id: 'why', type: 'single', label: { fr: 'Pourquoi ?' }, showIf: { question: 'came', equals: true }, options: [{ value: 'caf', label: { fr: 'CAF' } }, { value: 'other', label: { fr: 'Autre' } }] },
        { id: 'detail', type: 'text', label: { fr: 'Précisez' }, showIf: { question: 'why', equals: 'other' } },
        { id: 'note', type: 'scale', label: { fr: 'Note' } },
      ],
    });
    const ids = (answers: Record<string, SurveyAnswer>) => shownQuestions(chain, answers).map((q) => q.id);
    assert.deepEqual(ids({}), ['came', 'note']);
    assert.deepEqual(ids({ came: true, why: 'other' }), ['came', 'why', 'detail', 'note']);
    // "came" changed to no: "why" is hidden, so "detail" is too, though its stale parent answer says "other".
    const stale = { came: false, why: 'other', detail: '  en retard  ', note: 4 };
    assert.deepEqual(ids(stale), ['came', 'note']);
    assert.equal(isQuestionShown(chain.questions[2]!, stale), true, 'one question alone cannot see its hidden parent');
    assert.deepEqual(keptAnswers(chain, stale), { came: false, note: 4 });
    assert.deepEqual(keptAnswers(chain, { came: true, why: 'other', detail: '  en retard  ', note: 4 }), { came: true, why: 'other', detail: 'en retard', note: 4 });
    assert.deepEqual(keptAnswers(chain, { came: true, why: 'caf', detail: '   ' }), { came: true, why: 'caf' });
    assert.deepEqual(checkAnswers(chain, keptAnswers(chain, stale)), []);
    assert.equal(isBlankAnswer([]), true);
    assert.equal(isBlankAnswer(false), false);
  });

  it('checks answers against the questions', () => {
    assert.deepEqual(checkAnswers(definition, { known: false, heard: 'agency', satisfaction: 5 }), []);
    assert.deepEqual(checkAnswers(definition, {}), [{ question: 'known', message: 'rsp.required' }]);
    assert.deepEqual(checkAnswers(definition, { known: true, heard: 'agency' }), [{ question: 'heard', message: 'rsp.hiddenQuestion' }]);
    assert.deepEqual(checkAnswers(definition, { known: false, heard: 'radio', satisfaction: 6, comment: 'x'.repeat(21), extra: 1 }), [
      { question: 'extra', message: 'rsp.unknownQuestion' },
      { question: 'heard', message: 'rsp.invalidAnswer' },
      { question: 'satisfaction', message: 'rsp.invalidAnswer' },
      { question: 'comment', message: 'rsp.tooLong' },
    ]);
  });

  it('keeps responses anonymous: a visit token, no name field', () => {
    const response = { surveyId: 'rsp-satisfaction', surveyVersion: 1, siteId: 's', visitToken: 'Zk3v9QmR2xT7wLp4', submittedAt: '2009-03-01T10:00:00Z', answers: { known: true } };
    assert.ok(validate(SurveyResponse, response).success);
    assert.deepEqual(problems(SurveyResponse, { ...response, name: 'Marie' }, 'en'), ['name: is an unknown field']);
    assert.deepEqual(problems(SurveyResponse, { ...response, visitToken: 'abc' }, 'en'), [
      'visitToken: must be the visit token handed out by the site (16 to 200 letters, digits, "-" or "_")',
    ]);
  });
});
