import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CharterProfile, auditNetwork, auditSite, franceServices2019, overallStatus, rsp2006 } from '../src/charter/index.js';
import { Agency, Convention, Site, parseOrThrow } from '../src/schemas/index.js';
import type { AgencyInput, ConventionInput, SiteInput } from '../src/schemas/index.js';

const reference = new Date('2026-01-05T12:00:00Z');

const agencies = (
  [
    { id: 'caf-46', name: 'CAF', sector: 'social', nationalPartner: 'cnaf' },
    { id: 'cpam-46', name: 'CPAM', sector: 'social', nationalPartner: 'cnam' },
    { id: 'carsat', name: 'CARSAT', sector: 'social', nationalPartner: 'cnav' },
    { id: 'msa', name: 'MSA', sector: 'social', nationalPartner: 'msa' },
    { id: 'ml-figeac', name: 'Mission Locale', sector: 'employment-training' },
    { id: 'ft', name: 'France Travail', sector: 'employment-training', nationalPartner: 'france-travail' },
    { id: 'poste', name: 'La Poste', sector: 'other', nationalPartner: 'la-poste' },
    { id: 'dgfip', name: 'DGFiP', sector: 'other', nationalPartner: 'dgfip' },
  ] satisfies AgencyInput[]
).map((a) => parseOrThrow(Agency, a));

const site = (input: Partial<SiteInput> & { id: string }): Site =>
  parseOrThrow(Site, { name: `Site ${input.id}`, venueKind: 'cyber-base', address: { postcode: '46100', commune: 'Figeac' }, ...input });

const conventions = (siteId: string, agencyIds: string[]) =>
  agencyIds.map((agencyId, i) => parseOrThrow(Convention, { id: `${siteId}-${String(i)}`, siteId, agencyId } satisfies ConventionInput));

const lotCyberBase = site({
  id: 'rsp-46-latronquiere',
  openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off',
  equipment: { broadbandComputers: 2 },
  confidentialSpace: true,
});

describe('charter profiles', () => {
  it('ship as valid data with the rule ids of the charters', () => {
    for (const profile of [rsp2006, franceServices2019]) assert.ok(CharterProfile.safeParse(profile).success, profile.id);
    assert.deepEqual(rsp2006.rules.map((r) => r.id), ['weekly-hours', 'open-days', 'partner-sectors', 'broadband-computer', 'confidential-space']);
    assert.deepEqual(franceServices2019.rules.map((r) => r.id), ['weekly-hours', 'open-days', 'advisers', 'national-partners']);
  });

  it('reject a profile with twice the same rule id', () => {
    const result = CharterProfile.safeParse({ ...rsp2006, rules: [rsp2006.rules[0], rsp2006.rules[0]] });
    assert.equal(result.success, false);
  });
});

describe('overallStatus', () => {
  it('is not met if any rule is not met, else unknown if any is unknown, else met', () => {
    assert.equal(overallStatus(['met', 'unknown', 'not-met']), 'not-met');
    assert.equal(overallStatus(['met', 'unknown']), 'unknown');
    assert.equal(overallStatus(['met', 'met']), 'met');
  });
});

describe('RSP 2006 charter', () => {
  const context = { agencies, conventions: conventions(lotCyberBase.id, ['caf-46', 'ml-figeac']), referenceDate: reference };

  it('meets every rule for a Lot Cyber-base open 30 h over 5 days with a social and an employment partner', () => {
    const audit = auditSite(lotCyberBase, rsp2006, context);
    assert.equal(audit.status, 'met');
    assert.deepEqual(audit.findings.map((f) => [f.rule, f.status]), [
      ['weekly-hours', 'met'],
      ['open-days', 'met'],
      ['partner-sectors', 'met'],
      ['broadband-computer', 'met'],
      ['confidential-space', 'met'],
    ]);
    assert.equal(audit.findings[0]?.reason, 'ouvert 30 h par semaine sur 5 jours ; la charte demande au moins 24 h');
    assert.equal(audit.findings[2]?.reason, 'partenaires : CAF (social), Mission Locale (emploi-formation)');
  });

  it('says how far a site is from the hours rule, in words', () => {
    const short = { ...lotCyberBase, openingHours: 'Mo-Th 09:00-12:00,14:00-16:15' };
    const audit = auditSite(short, rsp2006, { ...context, locale: 'en' });
    assert.equal(audit.status, 'not-met');
    assert.equal(audit.findings[0]?.reason, 'open 21 h a week over 4 days; the charter asks for at least 24 h');
    assert.equal(audit.findings[1]?.status, 'met');
  });

  it('counts appointment-only hours and says so', () => {
    const withAppointments = { ...lotCyberBase, openingHours: 'Mo-Fr 09:00-12:00, Tu,Th 14:00-17:00 "sur rendez-vous"' };
    const finding = auditSite(withAppointments, rsp2006, context).findings[0];
    assert.equal(finding?.reason, 'ouvert 21 h par semaine sur 5 jours (dont 6 h sur rendez-vous) ; la charte demande au moins 24 h');
  });

  it('gives unknown, not "not met", when data is missing', () => {
    const bare = site({ id: 'bare' });
    const audit = auditSite(bare, rsp2006, { agencies, conventions: [], referenceDate: reference });
    assert.equal(audit.status, 'unknown');
    assert.deepEqual(audit.findings.map((f) => f.status), ['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    assert.equal(audit.findings[0]?.reason, 'horaires d’ouverture inconnus');
  });

  it('reports a missing sector, and stays unknown when a partner agency is not described', () => {
    const socialOnly = auditSite(lotCyberBase, rsp2006, { agencies, conventions: conventions(lotCyberBase.id, ['caf-46', 'cpam-46']), referenceDate: reference, locale: 'en' });
    assert.equal(socialOnly.findings[2]?.status, 'not-met');
    assert.equal(socialOnly.findings[2].reason, 'no partner of the employment-training sector (partners: CAF (social), CPAM (social))');
    const undescribed = auditSite(lotCyberBase, rsp2006, { agencies, conventions: conventions(lotCyberBase.id, ['caf-46', 'udaf-46']), referenceDate: reference });
    assert.equal(undescribed.findings[2]?.status, 'unknown');
  });

  it('fails a site with no broadband computer and no confidential space', () => {
    const poor = { ...lotCyberBase, equipment: { broadbandComputers: 0 }, confidentialSpace: false };
    const audit = auditSite(poor, rsp2006, context);
    assert.equal(audit.findings[3]?.status, 'not-met');
    assert.equal(audit.findings[4]?.status, 'not-met');
    assert.equal(audit.status, 'not-met');
  });

  it('reports unreadable hours as unknown', () => {
    const audit = auditSite({ ...lotCyberBase, openingHours: 'le matin' }, rsp2006, context);
    assert.equal(audit.findings[0]?.status, 'unknown');
    assert.equal(audit.findings[0].reason, 'horaires d’ouverture illisibles');
  });
});

describe('France Services 2019 charter', () => {
  it('asks for 5 days, 2 advisers and the 9 national partners, naming those missing', () => {
    const fs = site({ id: 'fs-1', venueKind: 'france-services', openingHours: 'Mo-Th 09:00-12:00,13:30-17:00', advisers: 1 });
    const audit = auditSite(fs, franceServices2019, { agencies, conventions: conventions('fs-1', ['caf-46', 'cpam-46', 'carsat', 'msa', 'ft', 'poste', 'dgfip']), referenceDate: reference, locale: 'en' });
    assert.deepEqual(audit.findings.map((f) => [f.rule, f.status, f.reason]), [
      ['weekly-hours', 'met', 'open 26 h a week over 4 days; the charter asks for at least 24 h'],
      ['open-days', 'not-met', 'open 26 h a week over 4 days; the charter asks for at least 5 days'],
      ['advisers', 'not-met', '1 trained adviser; the charter asks for at least 2'],
      ['national-partners', 'not-met', 'national partners missing: Justice, Intérieur (ANTS)'],
    ]);
  });
});

describe('auditNetwork', () => {
  it('counts sites overall and per rule, in the JSON shape of `rsp audit`', () => {
    const sites = [lotCyberBase, site({ id: 'short', openingHours: 'Mo,We 09:00-12:00', equipment: { broadbandComputers: 1 }, confidentialSpace: true }), site({ id: 'bare' })];
    const audit = auditNetwork(sites, rsp2006, {
      agencies,
      conventions: [...conventions(lotCyberBase.id, ['caf-46', 'ml-figeac']), ...conventions('short', ['caf-46', 'ft'])],
      referenceDate: reference,
    });
    assert.equal(audit.charter, 'rsp-2006');
    assert.equal(audit.referenceDate, '2026-01-05');
    assert.deepEqual([audit.sites, audit.met, audit.notMet, audit.unknown], [3, 1, 1, 1]);
    assert.deepEqual(audit.rules['weekly-hours'], { met: 1, notMet: 1, unknown: 1 });
    assert.deepEqual(audit.rules['partner-sectors'], { met: 2, notMet: 0, unknown: 1 });
    assert.deepEqual(audit.results.map((r) => [r.id, r.status]), [['rsp-46-latronquiere', 'met'], ['short', 'not-met'], ['bare', 'unknown']]);
  });

  it('runs a profile added as data only, without touching the engine', () => {
    const department = CharterProfile.parse({
      id: 'lot-2009',
      title: { fr: 'Charte départementale du Lot' },
      reference: 'Convention départementale, 2009',
      rules: [
        { id: 'weekly-hours', check: 'weekly-hours', minHours: 30 },
        { id: 'visio', check: 'site-feature', feature: 'equipment.visioStation' },
      ],
    });
    const audit = auditSite({ ...lotCyberBase, equipment: { ...lotCyberBase.equipment, visioStation: true } }, department, { referenceDate: reference });
    assert.deepEqual(audit.findings.map((f) => f.status), ['met', 'met']);
  });
});
