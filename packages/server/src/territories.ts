import type { Territory } from '@rsp/core/evaluation.js';
import type { Site } from '@rsp/core/schemas.js';

/**
 * The territories of a network, as the evaluation report groups sites. The
 * referential records no EPCI or community of communes, so the server derives
 * two levels from each site's address:
 *
 * - a **department**, `dep-46` ("Lot (46)"): the first two characters of the
 *   site's INSEE commune code (three for overseas, `971`…), else of its
 *   postcode (Corsica's `20…` postcodes split into `2A` below 20200 and `2B`
 *   from it);
 * - a **commune**, `commune-46128` ("Gramat"): the INSEE code when known, else
 *   `commune-<postcode>-<name in lower-case ASCII>`.
 *
 * Every site is in exactly one department and one commune.
 */
/** A territory and its level. */
export type LeveledTerritory = Territory & { readonly level: 'department' | 'commune' };

export interface NetworkTerritories {
  readonly departments: readonly Territory[];
  readonly communes: readonly Territory[];
  /** Every territory by id, both levels. */
  readonly byId: ReadonlyMap<string, LeveledTerritory>;
}

const DEPARTMENTS: Readonly<Record<string, string>> = {
  '01': 'Ain', '02': 'Aisne', '03': 'Allier', '04': 'Alpes-de-Haute-Provence', '05': 'Hautes-Alpes', '06': 'Alpes-Maritimes',
  '07': 'Ardèche', '08': 'Ardennes', '09': 'Ariège', '10': 'Aube', '11': 'Aude', '12': 'Aveyron', '13': 'Bouches-du-Rhône',
  '14': 'Calvados', '15': 'Cantal', '16': 'Charente', '17': 'Charente-Maritime', '18': 'Cher', '19': 'Corrèze',
  '2A': 'Corse-du-Sud', '2B': 'Haute-Corse', '21': 'Côte-d’Or', '22': 'Côtes-d’Armor', '23': 'Creuse', '24': 'Dordogne',
  '25': 'Doubs', '26': 'Drôme', '27': 'Eure', '28': 'Eure-et-Loir', '29': 'Finistère', '30': 'Gard', '31': 'Haute-Garonne',
  '32': 'Gers', '33': 'Gironde', '34': 'Hérault', '35': 'Ille-et-Vilaine', '36': 'Indre', '37': 'Indre-et-Loire', '38': 'Isère',
  '39': 'Jura', '40': 'Landes', '41': 'Loir-et-Cher', '42': 'Loire', '43': 'Haute-Loire', '44': 'Loire-Atlantique',
  '45': 'Loiret', '46': 'Lot', '47': 'Lot-et-Garonne', '48': 'Lozère', '49': 'Maine-et-Loire', '50': 'Manche', '51': 'Marne',
  '52': 'Haute-Marne', '53': 'Mayenne', '54': 'Meurthe-et-Moselle', '55': 'Meuse', '56': 'Morbihan', '57': 'Moselle',
  '58': 'Nièvre', '59': 'Nord', '60': 'Oise', '61': 'Orne', '62': 'Pas-de-Calais', '63': 'Puy-de-Dôme',
  '64': 'Pyrénées-Atlantiques', '65': 'Hautes-Pyrénées', '66': 'Pyrénées-Orientales', '67': 'Bas-Rhin', '68': 'Haut-Rhin',
  '69': 'Rhône', '70': 'Haute-Saône', '71': 'Saône-et-Loire', '72': 'Sarthe', '73': 'Savoie', '74': 'Haute-Savoie',
  '75': 'Paris', '76': 'Seine-Maritime', '77': 'Seine-et-Marne', '78': 'Yvelines', '79': 'Deux-Sèvres', '80': 'Somme',
  '81': 'Tarn', '82': 'Tarn-et-Garonne', '83': 'Var', '84': 'Vaucluse', '85': 'Vendée', '86': 'Vienne', '87': 'Haute-Vienne',
  '88': 'Vosges', '89': 'Yonne', '90': 'Territoire de Belfort', '91': 'Essonne', '92': 'Hauts-de-Seine',
  '93': 'Seine-Saint-Denis', '94': 'Val-de-Marne', '95': 'Val-d’Oise', '971': 'Guadeloupe', '972': 'Martinique',
  '973': 'Guyane', '974': 'La Réunion', '975': 'Saint-Pierre-et-Miquelon', '976': 'Mayotte', '977': 'Saint-Barthélemy',
  '978': 'Saint-Martin', '986': 'Wallis-et-Futuna', '987': 'Polynésie française', '988': 'Nouvelle-Calédonie',
};

/** The department code of a site: `46`, `2A`, `974`. */
export function departmentOf(site: Site): string {
  const { inseeCode, postcode } = site.address;
  const code = inseeCode ?? postcode;
  if (code.startsWith('97') || code.startsWith('98')) return code.slice(0, 3);
  if (!inseeCode && code.startsWith('20')) return Number(code) < 20200 ? '2A' : '2B';
  return code.slice(0, 2);
}

const ascii = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The commune territory id of a site: `commune-46128`, or `commune-46500-gramat` without an INSEE code. */
export function communeIdOf(site: Site): string {
  const { inseeCode, postcode, commune } = site.address;
  return inseeCode ? `commune-${inseeCode}` : `commune-${postcode}-${ascii(commune) || 'x'}`;
}

/** The departments and communes of a list of sites, each sorted by id, sites in the order given. */
export function networkTerritories(sites: readonly Site[]): NetworkTerritories {
  const departments = new Map<string, { id: string; name: string; siteIds: string[] }>();
  const communes = new Map<string, { id: string; name: string; siteIds: string[] }>();
  for (const site of sites) {
    const code = departmentOf(site);
    const depId = `dep-${code}`;
    const dep = departments.get(depId) ?? { id: depId, name: `${DEPARTMENTS[code] ?? 'Département'} (${code})`, siteIds: [] };
    dep.siteIds.push(site.id);
    departments.set(depId, dep);
    const communeId = communeIdOf(site);
    const commune = communes.get(communeId) ?? { id: communeId, name: site.address.commune, siteIds: [] };
    commune.siteIds.push(site.id);
    communes.set(communeId, commune);
  }
  const sorted = (map: Map<string, Territory>): Territory[] => [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const depList = sorted(departments);
  const communeList = sorted(communes);
  return {
    departments: depList,
    communes: communeList,
    byId: new Map<string, LeveledTerritory>([
      ...depList.map((t): [string, LeveledTerritory] => [t.id, { ...t, level: 'department' }]),
      ...communeList.map((t): [string, LeveledTerritory] => [t.id, { ...t, level: 'commune' }]),
    ]),
  };
}
