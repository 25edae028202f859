import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  MEDIATION_NUMERIQUE_COLUMNS,
  MEDIATION_NUMERIQUE_PATTERNS,
  MEDIATION_NUMERIQUE_REQUIRED,
  MEDIATION_NUMERIQUE_VOCABULARIES,
  PRESENTATION_RESUME_MAX_LENGTH,
  exportMediationNumerique,
  importFranceServicesCsv,
  importMediationNumerique,
  parseCsv,
} from '../src/import/index.js';
import type { ImportIssue } from '../src/import/index.js';
import { Site, validate } from '../src/schemas/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url), 'utf8');
const example = fixture('mediation-numerique-exemple-valide.csv');
const brief = (issues: readonly ImportIssue[]): [number, string, string, string][] => issues.map((i) => [i.row, i.field, i.severity, i.code]);

describe('the vocabulary module', () => {
  interface SchemaField {
    name: string;
    constraints?: { required?: boolean; pattern?: string; maxLength?: number };
  }
  const schema = JSON.parse(fixture('mediation-numerique-schema.json')) as { fields: SchemaField[] };

  it('has the columns, required fields and patterns of the schema', () => {
    assert.deepEqual([...MEDIATION_NUMERIQUE_COLUMNS], schema.fields.map((f) => f.name));
    assert.deepEqual(MEDIATION_NUMERIQUE_REQUIRED, schema.fields.filter((f) => f.constraints?.required === true).map((f) => f.name));
    for (const [name, pattern] of Object.entries(MEDIATION_NUMERIQUE_PATTERNS)) {
      assert.equal(pattern.source, schema.fields.find((f) => f.name === name)?.constraints?.pattern, name);
    }
    assert.equal(PRESENTATION_RESUME_MAX_LENGTH, schema.fields.find((f) => f.name === 'presentation_resume')?.constraints?.maxLength);
  });

  it('has exactly the values each vocabulary pattern accepts', () => {
    for (const [name, values] of Object.entries(MEDIATION_NUMERIQUE_VOCABULARIES)) {
      const source = schema.fields.find((f) => f.name === name)?.constraints?.pattern ?? '';
      const pattern = new RegExp(`^${source}`, 'u');
      for (const value of values) assert.match(value, pattern, `${name}: ${value}`);
      assert.match(values.join('|'), pattern, `${name}: all values together`);
      const alternatives = /^\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$/.exec(source)?.[1]?.split(/(?<!\\)\|/) ?? [];
      assert.equal(values.length, alternatives.length, `${name}: as many values as alternatives`);
    }
  });
});

describe('importMediationNumerique', () => {
  it('imports the valid example file without any issue', () => {
    const result = importMediationNumerique(example, { format: 'csv' });
    assert.deepEqual(result.issues, []);
    assert.equal(result.sites.length, 1);
    const site = result.sites[0]!;
    assert.ok(validate(Site, site).success);
    assert.equal(site.id, 'structure-1');
    assert.equal(site.name, 'Anonymal');
    assert.equal(site.venueKind, 'itinerant', 'itinerance "Itinérant" alone');
    assert.deepEqual(site.address, {
      street: '12 BIS RUE DE LECLERCQ',
      complement: 'Le patio du bois de l\'Aulne',
      postcode: '51100',
      commune: 'Reims',
      inseeCode: '51454',
    });
    assert.equal(site.openingHours, 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00');
    assert.equal(site.appointments, true, 'a booking link');
    assert.equal(site.phone, '+33180059880');
    assert.equal(site.email, 'contact@laquincaillerie.tl');
    assert.equal(site.website, 'https://www.laquincaillerie.tl/');
    assert.match(site.remarks ?? '', /^Notre parcours d'initiation/);
    const extras = result.extras['structure-1'];
    assert.equal(extras?.pivot, '43493312300029');
    assert.deepEqual(extras.typologie, ['TIERS_LIEUX', 'ASSO']);
    assert.deepEqual(extras.courriels, ['responsable@laquincaillerie.tl']);
    assert.deepEqual(extras.frais_a_charge, ['Gratuit sous condition', 'Payant']);
    assert.equal(extras.date_maj, '2024-04-02');
    assert.equal(extras.prise_rdv, 'https://www.rdv-solidarites.fr/');
  });

  it('maps typologies to venue kinds and "France Services" to the label', () => {
    const header = 'id,pivot,nom,commune,code_postal,adresse,date_maj,typologie,dispositif_programmes_nationaux,itinerance';
    const rows = [
      'a,12345678901234,Médiathèque,Gourdon,46300,1 rue,2024-01-01,BIB,,',
      'b,12345678901234,Mairie,Gourdon,46300,1 rue,2024-01-01,MUNI|RFS,France Services,',
      'c,12345678901234,Centre social,Gourdon,46300,1 rue,2024-01-01,CS,,Fixe|Itinérant',
      'd,12345678901234,Association,Gourdon,46300,1 rue,2024-01-01,ASSO,,',
    ];
    const result = importMediationNumerique([header, ...rows].join('\n'), { format: 'csv' });
    assert.deepEqual(result.issues, []);
    assert.deepEqual(result.sites.map((s) => s.venueKind), ['library', 'france-services', 'community-house', 'other']);
    assert.deepEqual(result.sites[1]?.label, { kind: 'france-services' });
  });

  it('skips records that cannot be sites and keeps the others with warnings', () => {
    const header = 'id,pivot,nom,commune,code_postal,adresse,date_maj,horaires,telephone,frais_a_charge,services,code_insee,typologie';
    const rows = [
      '1,12345678901234,,Gourdon,46300,1 rue,2024-01-01,,,,,,',
      '2,12345678901234,Espace 2,Gourdon,4630X,1 rue,2024-01-01,,,,,,',
      ',12345678901234,Espace 3,Gourdon,46300,1 rue,2024-01-01,,,,,,',
      '4,123 456 789 01234,Espace 4,Gourdon,46300,,,Lu-Ve 9h-12h,05 65 00 00 00,Gratuit|Sur devis,accès internet et matériel informatique,2C004,ZZZ',
      '5,SIRET?,Espace 5,Gourdon,46300,1 rue,02/04/2024,Mo-Fr 09:00-12:00,,gratuit;payant,,,',
      '4,12345678901234,Doublon,Gourdon,46300,1 rue,2024-01-01,,,,,,',
    ];
    const result = importMediationNumerique([header, ...rows].join('\n'), { format: 'csv' });
    assert.deepEqual(result.sites.map((s) => s.id), ['4', '5']);
    assert.deepEqual(brief(result.issues), [
      [1, 'nom', 'error', 'site.rsp.required'],
      [2, 'code_postal', 'error', 'site.rsp.postcode'],
      [3, 'id', 'error', 'required'],
      [4, 'pivot', 'warning', 'mednum.pivot.corrected'],
      [4, 'typologie', 'info', 'mednum.typologie'],
      [4, 'adresse', 'warning', 'mednum.required'],
      [4, 'code_insee', 'warning', 'insee.invalid'],
      [4, 'telephone', 'warning', 'mednum.telephone'],
      [4, 'horaires', 'warning', 'hours.syntax'],
      [4, 'date_maj', 'warning', 'mednum.required'],
      [4, 'services', 'warning', 'mednum.vocabulary.corrected'],
      [4, 'frais_a_charge', 'warning', 'mednum.vocabulary'],
      [5, 'pivot', 'warning', 'mednum.pivot'],
      [5, 'date_maj', 'warning', 'mednum.date'],
      [5, 'frais_a_charge', 'warning', 'mednum.vocabulary.corrected'],
      [5, 'frais_a_charge', 'warning', 'mednum.vocabulary.corrected'],
      [6, 'id', 'error', 'id.duplicate'],
      [0, '', 'info', 'mednum.separator'],
    ]);
    const four = result.sites[0]!;
    assert.equal(four.openingHours, undefined);
    assert.equal(four.openingHoursText, 'Lu-Ve 9h-12h');
    assert.equal(four.phone, '05 65 00 00 00');
    assert.equal(result.extras['4']?.pivot, '12345678901234');
    const extras = result.extras['4'];
    assert.ok(extras);
    assert.deepEqual(extras.services, ['Accès internet et matériel informatique']);
    assert.deepEqual(extras.frais_a_charge, ['Gratuit']);
    assert.deepEqual(result.extras['5']?.frais_a_charge, ['Gratuit', 'Payant'], '";" accepted as the separator, case corrected');
    assert.equal(result.sites[1]?.openingHours, 'Mo-Fr 09:00-12:00');
  });

  it('reads JSON records with lists and numbers', () => {
    const json = JSON.stringify([
      {
        id: 'lieu-1',
        pivot: '12345678901234',
        nom: 'Espace numérique',
        commune: 'Gourdon',
        code_postal: '46300',
        adresse: '1 rue Haute',
        latitude: 44.7375,
        longitude: 1.3832,
        date_maj: '2024-01-01',
        services: ['Aide aux démarches administratives', 'Accès internet et matériel informatique'],
      },
      'pas un lieu',
    ]);
    const result = importMediationNumerique(json, { format: 'json' });
    assert.deepEqual(brief(result.issues), [[2, '', 'error', 'json.record']]);
    assert.deepEqual(result.sites[0]?.coordinates, { lat: 44.7375, lon: 1.3832 });
    assert.deepEqual(result.extras['lieu-1']?.services, ['Aide aux démarches administratives', 'Accès internet et matériel informatique']);
  });

  it('keeps an id that is not a site id for the export', () => {
    const csv = 'id,pivot,nom,commune,code_postal,adresse,date_maj\nlieu n°1,12345678901234,Espace,Gourdon,46300,1 rue,2024-01-01';
    const result = importMediationNumerique(csv, { format: 'csv' });
    assert.deepEqual(brief(result.issues), [[1, 'id', 'info', 'mednum.id']]);
    assert.equal(result.sites[0]?.id, 'lieu-n-1');
    const out = exportMediationNumerique(result.sites, { format: 'csv', extras: result.extras });
    assert.equal(parseCsv(out.text).rows[0]?.[0], 'lieu n°1');
  });

  it('refuses a file without the columns a site needs', () => {
    assert.deepEqual(brief(importMediationNumerique('nom,ville\nx,y', { format: 'csv' }).issues), [
      [0, 'ville', 'info', 'column.unknown'],
      [0, 'id', 'error', 'csv.header'],
    ]);
    assert.deepEqual(brief(importMediationNumerique('{}', { format: 'json' }).issues), [[0, '', 'error', 'json.shape']]);
  });
});

describe('exportMediationNumerique', () => {
  const imported = importMediationNumerique(example, { format: 'csv' });

  it('writes the columns of the standard in its order, as the example does', () => {
    const out = exportMediationNumerique(imported.sites, { format: 'csv', extras: imported.extras });
    assert.deepEqual(out.issues, []);
    assert.deepEqual(parseCsv(out.text).header, parseCsv(example).header);
    assert.deepEqual(parseCsv(out.text).rows, parseCsv(example).rows, 'the example comes back cell for cell');
  });

  for (const format of ['csv', 'json'] as const) {
    it(`re-imports its ${format} export to the same sites and extras`, () => {
      const out = exportMediationNumerique(imported.sites, { format, extras: imported.extras });
      const again = importMediationNumerique(out.text, { format });
      assert.deepEqual(again.issues, []);
      assert.deepEqual(again.sites, imported.sites);
      assert.deepEqual(again.extras, imported.extras);
    });
  }

  it('says what France Services sites lack for the standard, and writes phones in its form', () => {
    const sample = fixture('france-services-2024-08-01.sample.csv');
    const sites = importFranceServicesCsv(sample).sites.slice(0, 3);
    const out = exportMediationNumerique(sites, { format: 'csv', updated: '2024-08-01' });
    assert.deepEqual(brief(out.issues), [
      [1, 'pivot', 'error', 'mednum.required'],
      [2, 'pivot', 'error', 'mednum.required'],
      [3, 'pivot', 'error', 'mednum.required'],
      [0, '', 'info', 'mednum.not-exported'],
    ]);
    assert.match(out.issues[3]?.message ?? '', /appointments \(3\), label\.date \(3\)/);
    const rows = parseCsv(out.text).rows;
    const cell = (row: number, column: string) => rows[row]?.[MEDIATION_NUMERIQUE_COLUMNS.indexOf(column as 'id')];
    assert.equal(cell(0, 'telephone'), '+33450568749');
    assert.equal(cell(0, 'typologie'), 'RFS');
    assert.equal(cell(0, 'dispositif_programmes_nationaux'), 'France Services');
    assert.equal(cell(2, 'itinerance'), 'Itinérant');
    assert.equal(cell(0, 'date_maj'), '2024-08-01');
    // With a pivot given for a site, that error goes.
    const withPivot = exportMediationNumerique(sites, { format: 'json', updated: '2024-08-01', extras: { 'fs-1': { pivot: '20004697700019' } } });
    assert.deepEqual(brief(withPivot.issues).slice(0, 2), [
      [2, 'pivot', 'error', 'mednum.required'],
      [3, 'pivot', 'error', 'mednum.required'],
    ]);
    const again = importMediationNumerique(withPivot.text, { format: 'json' });
    assert.deepEqual(again.sites.map((s) => [s.id, s.venueKind, s.openingHours]), sites.map((s) => [s.id, s.venueKind, s.openingHours]));
  });
});
