import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  aggregateCounts,
  comparePlans,
  costPerSession,
  financingTotals,
  kioskPlan,
  peerToPeerPlan,
  quarterOfDate,
  quarterOfWeek,
  quickFeedbackSurvey,
  rspSatisfactionSurvey,
  shareOf,
  suppressedCells,
  surveyStats,
  surveyStatsBySite,
  tripsAvoided,
  visioStats,
  weekThursday,
} from '../src/evaluation/index.js';
import type { FinancingPlan } from '../src/evaluation/index.js';
import { SurveyDefinition, SurveyResponse, VisioSession, WeeklyCount, checkAnswers, parseOrThrow } from '../src/schemas/index.js';
import type { SurveyAnswer, WeeklyCountInput } from '../src/schemas/index.js';

describe('quarters', () => {
  it('gives a week the calendar quarter of its Thursday', () => {
    assert.equal(weekThursday('2026-W01'), '2026-01-01');
    assert.equal(quarterOfWeek('2026-W13')?.key, '2026-Q1'); // Thursday 26 March
    assert.equal(quarterOfWeek('2026-W14')?.key, '2026-Q2'); // Monday 30 March, Thursday 2 April
    assert.equal(quarterOfWeek('2025-W01')?.key, '2025-Q1'); // starts on 2024-12-30
    assert.equal(quarterOfWeek('2020-W53')?.key, '2020-Q4'); // Thursday 31 December 2020
  });

  it('counts project quarters from the start date', () => {
    const mode = { kind: 'project', start: '2008-10-06' } as const;
    assert.equal(quarterOfDate('2008-10-05', mode), undefined);
    assert.equal(quarterOfDate('2008-10-06', mode)?.key, 'Q1');
    assert.equal(quarterOfDate('2009-01-05', mode)?.key, 'Q1');
    assert.equal(quarterOfDate('2009-01-06', mode)?.key, 'Q2');
    assert.equal(quarterOfWeek('2009-W27', mode)?.key, 'Q3'); // Thursday 2 July
    assert.equal(quarterOfWeek('2009-W28', mode)?.key, 'Q4'); // Thursday 9 July
    assert.equal(quarterOfDate('2011-10-06', mode)?.index, 13);
  });

  it('rejects weeks that do not exist', () => {
    assert.throws(() => weekThursday('2025-W53'), /No such ISO week/);
    assert.throws(() => weekThursday('2025-12'), /Not an ISO week/);
  });
});

const grid = (input: WeeklyCountInput): WeeklyCount => parseOrThrow(WeeklyCount, input);

describe('aggregateCounts', () => {
  const counts = [
    grid({ siteId: 'a', week: '2026-W02', people: 8, byService: { information: 6, visio: 4 }, byAgency: { caf: 7, cpam: 3 } }),
    grid({ siteId: 'b', week: '2026-W02', byService: { information: 5, forms: 5 }, byAgency: { caf: 10 } }),
    grid({ siteId: 'a', week: '2026-W15', people: 2, byService: { information: 10 } }),
    grid({ siteId: 'c', week: '2026-W20', byService: { information: 10 } }),
  ];

  it('totals by site, territory, agency and service, with shares of all acts', () => {
    const s = aggregateCounts(counts, { territories: [{ id: 't', name: 'T', siteIds: ['a', 'b'] }] });
    assert.equal(s.total.acts, 40);
    assert.equal(s.total.people, 10);
    assert.equal(s.total.gridsWithPeople, 2);
    assert.deepEqual(
      s.bySite.map((x) => [x.id, x.acts, x.share]),
      [
        ['a', 20, 0.5],
        ['b', 10, 0.25],
        ['c', 10, 0.25],
      ],
    );
    assert.deepEqual(s.byTerritory.map((t) => [t.id, t.acts, t.share]), [['t', 30, 0.75]]);
    assert.deepEqual(s.byAgency.map((x) => [x.id, x.acts, x.share]), [
      ['caf', 17, 0.85],
      ['cpam', 3, 0.15],
    ]);
    assert.equal(s.byService[0]?.id, 'information');
    assert.equal(s.byService[0].acts, 31);
  });

  it('keeps only the weeks of the period and marks flat changes within the band', () => {
    const s = aggregateCounts(counts, { period: { from: '2026-01-01', to: '2026-04-30' } });
    assert.equal(s.total.acts, 30);
    assert.deepEqual(
      s.byQuarter.map((q) => [q.key, q.actsPerWeek, q.direction]),
      [
        ['2026-Q1', 20, undefined],
        ['2026-Q2', 10, 'down'],
      ],
    );
    const flat = aggregateCounts(counts.slice(2));
    assert.equal(flat.byQuarter[0]?.actsPerWeek, 10);
    assert.equal(flat.byQuarter.length, 1, 'W15 and W20 are both in Q2');
    const twoQuarters = [counts[0], grid({ siteId: 'a', week: '2026-W15', byService: { information: 11 } })].filter((c) => c !== undefined);
    assert.equal(aggregateCounts(twoQuarters).byQuarter[1]?.direction, 'up'); // +10 %
    assert.equal(aggregateCounts(twoQuarters, { flatBand: 0.15 }).byQuarter[1]?.direction, 'flat');
  });
});

describe('suppressedCells', () => {
  it('suppresses small cells and, where a total is shown, a complementary cell', () => {
    assert.deepEqual(suppressedCells([50, 22, 10, 8, 6, 4], 5, true), [false, false, false, false, true, true]);
    assert.deepEqual(suppressedCells([50, 22, 10, 8, 6, 4], 5, false), [false, false, false, false, false, true]);
    // two small cells whose sum is still under the threshold: a third one goes
    assert.deepEqual(suppressedCells([30, 9, 2, 1], 5, true), [false, true, true, true]);
    // zeros describe nobody and are shown
    assert.deepEqual(suppressedCells([20, 0, 0], 5, true), [false, false, false]);
    assert.deepEqual(suppressedCells([20, 0, 3], 5, true), [true, false, true]);
  });
});

const token = (i: number): string => `token-${String(i).padStart(12, '0')}`;

function respond(answers: Record<string, SurveyAnswer>, i: number, extra: { surveyVersion?: number; submittedAt?: string; siteId?: string } = {}): SurveyResponse {
  return parseOrThrow(SurveyResponse, {
    surveyId: rspSatisfactionSurvey.id,
    surveyVersion: extra.surveyVersion ?? 1,
    siteId: extra.siteId ?? 'site-a',
    visitToken: token(i),
    submittedAt: extra.submittedAt ?? '2026-03-03T10:00:00+01:00',
    answers,
  });
}

describe('surveyStats', () => {
  it('gives multiple-choice shares of respondents, not of ticks', () => {
    const responses = Array.from({ length: 10 }, (_, i) => respond({ reason: i < 6 ? ['proximity', 'accompaniment'] : ['proximity'] }, i));
    const stats = surveyStats(rspSatisfactionSurvey, responses);
    const reason = stats.questions.find((q) => q.id === 'reason');
    assert.ok(reason && !reason.suppressed);
    assert.equal(reason.respondents, 10);
    assert.deepEqual(
      reason.options?.map((o) => (o.suppressed ? 'x' : o.share)),
      [1, 0.6, 0],
    );
  });

  it('counts only answers to questions that were shown', () => {
    const responses = Array.from({ length: 12 }, (_, i) =>
      respond(i < 6 ? { reason: ['other'], 'reason-other': 'imprimer' } : { reason: ['proximity'], 'reason-other': 'caché' }, i),
    );
    const stats = surveyStats(rspSatisfactionSurvey, responses);
    const other = stats.questions.find((q) => q.id === 'reason-other');
    assert.ok(other && !other.suppressed);
    assert.equal(other.respondents, 6);
    assert.equal(other.options, undefined, 'free texts are never aggregated');
  });

  it('suppresses a question answered by fewer than the threshold, and honours a custom threshold', () => {
    const responses = Array.from({ length: 4 }, (_, i) => respond({ recommend: true }, i));
    const stats = surveyStats(rspSatisfactionSurvey, responses);
    assert.deepEqual(stats.responses, { suppressed: true });
    assert.deepEqual(stats.questions.find((q) => q.id === 'recommend'), {
      id: 'recommend',
      type: 'yes-no',
      label: rspSatisfactionSurvey.questions[6]?.label,
      suppressed: true,
    });
    const low = surveyStats(rspSatisfactionSurvey, responses, { threshold: 3 });
    assert.equal(shareOf(low, 'recommend', ['true']), 1);
  });

  it('ignores other versions, other periods, other sites and invalid answers', () => {
    const responses = [
      ...Array.from({ length: 5 }, (_, i) => respond({ recommend: true }, i)),
      respond({ recommend: false }, 10, { surveyVersion: 2 }),
      respond({ recommend: false }, 11, { submittedAt: '2026-05-01T10:00:00+02:00' }),
      respond({ recommend: false }, 12, { siteId: 'site-b' }),
      respond({ recommend: 'maybe' }, 13),
    ];
    const stats = surveyStats(rspSatisfactionSurvey, responses, { period: { from: '2026-03-01', to: '2026-03-31' }, siteIds: ['site-a'] });
    assert.equal(stats.responses, 6);
    assert.equal(shareOf(stats, 'recommend', ['true']), 1);
  });

  it('reads the period on the Paris date of submission', () => {
    const late = Array.from({ length: 5 }, (_, i) => respond({ recommend: true }, i, { submittedAt: '2026-03-31T22:30:00Z' }));
    assert.deepEqual(surveyStats(rspSatisfactionSurvey, late, { period: { from: '2026-03-01', to: '2026-03-31' } }).responses, { suppressed: true });
  });
});

describe('surveyStatsBySite', () => {
  it('suppresses a small site and, since the total is shown, the next smallest', () => {
    const at = (siteId: string, n: number, from: number) => Array.from({ length: n }, (_, i) => respond({ recommend: true }, from + i, { siteId }));
    const responses = [...at('a', 20, 0), ...at('b', 8, 100), ...at('c', 6, 200), ...at('d', 3, 300)];
    const bySite = surveyStatsBySite(rspSatisfactionSurvey, responses, ['a', 'b', 'c', 'd']);
    assert.deepEqual(
      bySite.map((s) => [s.siteId, s.suppressed]),
      [
        ['a', false],
        ['b', false],
        ['c', true],
        ['d', true],
      ],
    );
    assert.deepEqual(bySite[3], { siteId: 'd', suppressed: true });
    const a = bySite[0];
    assert.ok(a && !a.suppressed);
    assert.equal(a.stats.responses, 20);
  });
});

describe('seed surveys', () => {
  it('are valid survey definitions, in French and English', () => {
    for (const survey of [rspSatisfactionSurvey, quickFeedbackSurvey]) {
      assert.deepEqual(parseOrThrow(SurveyDefinition, survey), survey);
      for (const q of survey.questions) assert.ok(q.label.en, `${q.id} has English`);
    }
    assert.equal(quickFeedbackSurvey.questions.length, 3);
  });

  it('accept a complete answer and refuse an answer to a hidden question', () => {
    const full = { heard: 'agency', 'knew-before': false, reason: ['proximity'], reception: 'very-satisfied', expectation: 'fully', recommend: true, gender: 'prefer-not-to-say', age: '45-59' };
    assert.deepEqual(checkAnswers(rspSatisfactionSurvey, full), []);
    assert.deepEqual(checkAnswers(rspSatisfactionSurvey, { ...full, 'reason-other': 'x' }), [{ question: 'reason-other', message: 'rsp.hiddenQuestion' }]);
  });
});

describe('visioStats', () => {
  const session = (id: string, agencyId: string, extra: Record<string, string> = {}): VisioSession =>
    parseOrThrow(VisioSession, { id, siteId: 's', agencyId, requestedAt: '2026-03-03T09:00:00Z', ...extra });
  it('counts held sessions per agency with their share and mean duration', () => {
    const held = { startedAt: '2026-03-03T09:05:00Z', endedAt: '2026-03-03T09:35:00Z' };
    const stats = visioStats([
      session('1', 'cram', held),
      session('2', 'cram', { startedAt: '2026-03-03T09:05:00Z', endedAt: '2026-03-03T09:15:00Z' }),
      session('3', 'caf', held),
      session('4', 'caf'),
      session('5', 'caf', { ...held, outcome: 'abandoned' }),
    ]);
    assert.equal(stats.requested, 5);
    assert.equal(stats.held, 3);
    assert.deepEqual(stats.byAgency.map((g) => [g.id, g.sessions]), [['cram', 2], ['caf', 1]]);
    assert.equal(stats.byAgency[0]?.share, 2 / 3);
    assert.equal(stats.meanMinutes, 70 / 3);
  });
});

describe('tripsAvoided', () => {
  const site = { lat: 44.737, lon: 1.383 };
  const office = { lat: 44.4475, lon: 1.4419 };
  it('counts the round trip saved, times the detour and emission factors', () => {
    const one = tripsAvoided([{ home: site, site, office }]);
    assert.ok(one.km > 64 && one.km < 66, String(one.km)); // Gourdon – Cahors, 32.5 km as the crow flies
    assert.equal(one.kgCo2, one.km * 0.18);
    const rural = tripsAvoided([{ home: site, site, office }], { detourFactor: 1.3, emissionFactor: 0.2 });
    assert.ok(Math.abs(rural.km - one.km * 1.3) < 1e-9);
    assert.ok(Math.abs(rural.kgCo2 - one.km * 1.3 * 0.2) < 1e-9);
  });
  it('never counts a negative saving, and filters by period', () => {
    const s = tripsAvoided([{ home: office, site, office, date: '2026-01-10' }, { home: site, site, office }], { period: { from: '2026-01-01', to: '2026-12-31' } });
    assert.deepEqual([s.trips, s.tripsWithoutSaving, s.km], [1, 1, 0]);
    assert.throws(() => tripsAvoided([], { emissionFactor: -1 }), RangeError);
  });
});

describe('financing', () => {
  it('splits the seeds’ kiosk plan by funder', () => {
    const t = financingTotals(kioskPlan({ sites: 1, agencies: 1 }), 2);
    assert.equal(t.investment, 12_000 + 9_500 + 3_000);
    assert.equal(t.running, 2 * (1_500 + 1_200));
    assert.deepEqual(t.byFunder.region, { investment: 5_375, running: 0, total: 5_375 });
    assert.deepEqual(t.byFunder.feder, { investment: 6_450, running: 0, total: 6_450 });
    assert.deepEqual(t.byFunder.department, { investment: 2_400, running: 0, total: 2_400 });
    assert.deepEqual(t.byFunder.agency, { investment: 1_900 + 3_000, running: 2_400, total: 7_300 });
    assert.deepEqual(t.byFunder.host, { investment: 0, running: 3_000, total: 3_000 });
  });

  it('gives the cost per session and the saving of a peer-to-peer plan', () => {
    const size = { sites: 9, agencies: 5 };
    const kiosks = costPerSession(kioskPlan(size), 1, 206);
    assert.equal(Math.round(kiosks), Math.round((9 * 13_500 + 5 * 13_700) / 206));
    const c = comparePlans(kioskPlan(size), peerToPeerPlan(size), 1, 206);
    assert.equal(c.plans[1]?.totals.total, 9 * 150 + 5 * 100 + 600);
    const [kiosk, p2p] = c.plans;
    assert.ok(kiosk && p2p);
    assert.equal(c.saving, kiosk.totals.total - p2p.totals.total);
    assert.ok(p2p.costPerSession < 15);
    assert.throws(() => costPerSession(kioskPlan(size), 1, 0), RangeError);
  });

  it('refuses funding shares that do not add up to 1', () => {
    const [userKiosk] = kioskPlan({ sites: 1, agencies: 0 }).items;
    assert.ok(userKiosk);
    const plan: FinancingPlan = { id: 'broken', label: { fr: 'Cassé' }, items: [{ ...userKiosk, investmentFunding: [{ funder: 'state', share: 0.5 }] }] };
    assert.throws(() => financingTotals(plan, 1), /add up to 0.5/);
  });
});
