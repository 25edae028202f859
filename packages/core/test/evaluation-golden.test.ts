import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluationReport, shareOf } from '../src/evaluation/index.js';
import type { EvaluationReport, OptionStat, QuestionStat } from '../src/evaluation/index.js';
import { PERIOD, PROJECT_START, responses, sites, survey, territories, trips, visioSessions, weeklyCounts } from './fixtures/evaluation/lot-network.js';

const report: EvaluationReport = evaluationReport({
  period: PERIOD,
  counts: weeklyCounts(),
  sites,
  territories,
  survey,
  responses: responses(),
  sessions: visioSessions(),
  trips: trips(),
  quarters: { kind: 'project', start: PROJECT_START },
});

const pct = (x: number | undefined): number => Math.round((x ?? NaN) * 100);

function question(id: string): Extract<QuestionStat, { suppressed: false }> {
  const q = report.survey?.questions.find((x) => x.id === id);
  assert.ok(q && !q.suppressed, `question ${id} shown`);
  return q;
}

function option(id: string, value: string): OptionStat {
  const o = question(id).options?.find((x) => x.value === value);
  assert.ok(o);
  return o;
}

const shown = (o: OptionStat): number => {
  assert.ok(!o.suppressed, `${o.value} shown`);
  return o.share;
};

describe('golden: the Lot network after 10 months', () => {
  it('172 visio-guichet sessions, nearly 3/4 with the CRAM, then the CAF', () => {
    assert.equal(report.visio.held, 172);
    const [first, second] = report.visio.byAgency;
    assert.equal(first?.id, 'cram');
    assert.ok(first.share > 0.7 && first.share < 0.75, `CRAM share ${String(first.share)}`);
    assert.equal(second?.id, 'caf');
  });

  it('the two most populated areas (Gourdon, Cère et Dordogne) account for 58 % of procedures', () => {
    const top = [...report.counts.byTerritory].sort((a, b) => b.acts - a.acts).slice(0, 2);
    assert.deepEqual(top.map((t) => t.id).sort(), ['cere-dordogne', 'quercy-bouriane']);
    assert.equal(pct(top.reduce((s, t) => s + t.share, 0)), 58);
  });

  it('fast start in quarter 1, a clear dip in quarter 2, a rise again from quarter 3', () => {
    const quarters = report.counts.byQuarter;
    assert.deepEqual(
      quarters.map((q) => q.key),
      ['Q1', 'Q2', 'Q3', 'Q4'],
    );
    assert.deepEqual(
      quarters.map((q) => q.direction),
      [undefined, 'down', 'up', 'up'],
    );
    assert.ok((quarters[1]?.change ?? 0) < -0.2, 'a clear dip');
    assert.equal(quarters[3]?.weeks, 4, 'the last quarter is partial (10 months)');
  });

  it('information from the agency in 1 case out of 2, word of mouth next', () => {
    assert.equal(pct(shown(option('heard', 'agency'))), 50);
    const ranked = (question('heard').options ?? []).filter((o) => !o.suppressed).sort((a, b) => shown(b) - shown(a));
    assert.equal(ranked[1]?.value, 'word-of-mouth');
  });

  it('2 people out of 3 did not know the place', () => {
    assert.equal(Math.round(shown(option('knew-before', 'false')) * 3), 2);
    assert.equal(pct(shown(option('knew-before', 'false'))), 67);
  });

  it('proximity is the first reason, then the accompaniment', () => {
    const ranked = (question('reason').options ?? []).filter((o) => !o.suppressed).sort((a, b) => shown(b) - shown(a));
    assert.deepEqual(
      ranked.map((o) => o.value),
      ['proximity', 'accompaniment'],
    );
  });

  it('94 % satisfied with the reception, of whom 75 % very satisfied', () => {
    assert.ok(report.survey);
    assert.equal(pct(shareOf(report.survey, 'reception', ['very-satisfied', 'satisfied'])), 94);
    assert.equal(pct(shareOf(report.survey, 'reception', ['very-satisfied'])), 75);
  });

  it('about 9 in 10 expectation fully met, 9 in 10 would recommend', () => {
    assert.equal(Math.round(shown(option('expectation', 'fully')) * 10), 9);
    assert.equal(Math.round(shown(option('recommend', 'true')) * 10), 9);
  });

  it('mostly women, about 3/4 over 45', () => {
    assert.ok(shown(option('gender', 'woman')) > 0.5);
    assert.ok(report.survey);
    assert.equal(pct(shareOf(report.survey, 'age', ['45-59', '60-74', '75-plus'])), 75);
  });

  it('200 kg of CO2 saved for 1,117 km of trips avoided', () => {
    assert.equal(Math.round(report.trips.km), 1117);
    assert.equal(Math.round(report.trips.kgCo2 / 10) * 10, 200);
  });

  it('shows every site of the network (each has 11 or 12 responses)', () => {
    assert.equal(report.surveyBySite?.length, 9);
    assert.ok(report.surveyBySite.every((s) => !s.suppressed));
  });

  it('small groups are not shown, even by subtraction', () => {
    // 4 "other" answers: suppressed, and "press" (6) with them so that 4 cannot be recovered from the total.
    assert.equal(option('heard', 'other').suppressed, true);
    assert.equal(option('heard', 'press').suppressed, true);
    assert.equal(option('reception', 'not-at-all').suppressed, true);
    assert.equal(option('reception', 'not-very').suppressed, true);
    // The 3 people who gave another reason: their free texts' question is suppressed as a whole.
    assert.deepEqual(
      report.survey?.questions.find((q) => q.id === 'reason-other'),
      { id: 'reason-other', type: 'text', label: survey.questions[3]?.label, suppressed: true },
    );
  });
});
