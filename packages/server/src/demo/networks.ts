/**
 * The two networks of the seed documents, as referential records: the Lot
 * (Midi-Pyrénées, 2008–2009, 9 sites) and northern Ardèche (2007, 4 planned
 * sites). docs/demo.md says where each name and figure comes from, and which
 * values are illustrative (the seeds give no opening hours, no addresses).
 */
import type { Agency, AgencyInput, Convention, ConventionInput, Motif, MotifInput, Site, SiteInput } from '@rsp/core/schemas.js';
import { Agency as AgencySchema, Convention as ConventionSchema, Motif as MotifSchema, Site as SiteSchema } from '@rsp/core/schemas.js';
import type { Availability } from '../db/catalog.js';

/** Bumped whenever the records below change: a restart then rewrites them. */
export const NETWORKS_VERSION = 'networks-1';

interface SiteRow {
  readonly id: string;
  readonly name: string;
  readonly venue: 'cyber-base' | 'community-house' | 'town-hall' | 'epn';
  readonly commune: string;
  readonly postcode: string;
  readonly insee: string;
  readonly lat: number;
  readonly lon: number;
  /** The local authority that runs the site (Lot). */
  readonly authority?: string;
}

/**
 * The Lot's 9 sites: ids, names, venues and coordinates of the evaluation
 * fixture (packages/core/test/fixtures/evaluation/lot-network.ts), so that the
 * demo's figures line up with the report's.
 */
const LOT: readonly SiteRow[] = [
  { id: 'rsp-46-gourdon', name: 'RSP de Gourdon', venue: 'cyber-base', commune: 'Gourdon', postcode: '46300', insee: '46127', lat: 44.737, lon: 1.383, authority: 'cc-quercy-bouriane' },
  { id: 'rsp-46-le-vigan', name: 'RSP du Vigan', venue: 'town-hall', commune: 'Le Vigan', postcode: '46300', insee: '46334', lat: 44.742, lon: 1.437, authority: 'cc-quercy-bouriane' },
  { id: 'rsp-46-bretenoux', name: 'RSP de Bretenoux', venue: 'cyber-base', commune: 'Bretenoux', postcode: '46130', insee: '46038', lat: 44.914, lon: 1.839, authority: 'cc-cere-dordogne' },
  { id: 'rsp-46-biars', name: 'RSP de Biars-sur-Cère', venue: 'community-house', commune: 'Biars-sur-Cère', postcode: '46130', insee: '46029', lat: 44.926, lon: 1.853, authority: 'cc-cere-dordogne' },
  { id: 'rsp-46-lacapelle', name: 'RSP de Lacapelle-Marival', venue: 'cyber-base', commune: 'Lacapelle-Marival', postcode: '46120', insee: '46143', lat: 44.727, lon: 1.926, authority: 'cc-segala-limargue' },
  { id: 'rsp-46-latronquiere', name: 'RSP de Latronquière', venue: 'cyber-base', commune: 'Latronquière', postcode: '46210', insee: '46160', lat: 44.8, lon: 2.077, authority: 'cc-haut-segala' },
  { id: 'rsp-46-catus', name: 'RSP de Catus', venue: 'cyber-base', commune: 'Catus', postcode: '46150', insee: '46064', lat: 44.559, lon: 1.334, authority: 'cias-catus' },
  { id: 'rsp-46-salviac', name: 'RSP de Salviac', venue: 'cyber-base', commune: 'Salviac', postcode: '46340', insee: '46297', lat: 44.681, lon: 1.265, authority: 'cc-salviac' },
  { id: 'rsp-46-assier', name: 'RSP d’Assier', venue: 'town-hall', commune: 'Assier', postcode: '46320', insee: '46009', lat: 44.673, lon: 1.876, authority: 'commune-assier' },
];

/** Northern Ardèche's 4 planned sites (meeting of 11 January 2007 at Alboussière's multimedia centre). */
const ARDECHE: readonly SiteRow[] = [
  { id: 'rsp-07-etables', name: 'RSP d’Étables', venue: 'epn', commune: 'Étables', postcode: '07300', insee: '07086', lat: 45.1019, lon: 4.7261 },
  { id: 'rsp-07-alboussiere', name: 'RSP d’Alboussière', venue: 'epn', commune: 'Alboussière', postcode: '07440', insee: '07007', lat: 44.9432, lon: 4.7278 },
  { id: 'rsp-07-vernoux', name: 'RSP de Vernoux-en-Vivarais', venue: 'epn', commune: 'Vernoux-en-Vivarais', postcode: '07240', insee: '07338', lat: 44.8969, lon: 4.6462 },
  { id: 'rsp-07-saint-agreve', name: 'RSP de Saint-Agrève', venue: 'epn', commune: 'Saint-Agrève', postcode: '07320', insee: '07204', lat: 45.01, lon: 4.3946 },
];

/** Illustrative hours that meet the RSP label (at least 24 h over 3 days). */
const HOURS: Record<SiteRow['venue'], string> = {
  'cyber-base': 'Tu-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00',
  'community-house': 'Mo-Fr 09:00-12:00,14:00-17:00',
  'town-hall': 'Mo,Tu,Th,Fr 09:00-12:00,13:30-17:00',
  epn: 'Tu,We,Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
};

const COMPLEMENT: Record<SiteRow['venue'], string> = {
  'cyber-base': 'Cyber-base',
  'community-house': 'Maison communautaire',
  'town-hall': 'Mairie',
  epn: 'Espace public numérique',
};

function site(row: SiteRow, visioStation: boolean): Site {
  const input: SiteInput = {
    id: row.id,
    name: row.name,
    venueKind: row.venue,
    address: { complement: COMPLEMENT[row.venue], postcode: row.postcode, commune: row.commune, inseeCode: row.insee },
    coordinates: { lat: row.lat, lon: row.lon },
    openingHours: HOURS[row.venue],
    appointments: true,
    // The label asks for at least one broadband computer; Cyber-bases have a room of them.
    equipment: { broadbandComputers: row.venue === 'cyber-base' ? 6 : 1, scanner: true, printer: true, visioStation },
    // The Lot's 6 Cyber-base sites are "in a confidential, well-identified place"; unknown elsewhere.
    ...(row.venue === 'cyber-base' ? { confidentialSpace: true } : {}),
    label: { kind: 'rsp' },
  };
  return SiteSchema.parse(input);
}

/** The 13 sites: 9 in the Lot (each with a visio station), 4 in Ardèche (Alboussière's tried the visio-guichet). */
export const demoSites: readonly Site[] = [...LOT.map((r) => site(r, true)), ...ARDECHE.map((r) => site(r, r.id === 'rsp-07-alboussiere'))];

const agencyInputs: AgencyInput[] = [
  // The Lot's 5 agencies ("5 organismes") — ids of the evaluation fixture.
  { id: 'caf', name: 'CAF', fullName: 'Caisse d’allocations familiales du Lot', sector: 'social', nationalPartner: 'cnaf' },
  { id: 'cram', name: 'CRAM', fullName: 'Caisse régionale d’assurance maladie Midi-Pyrénées', sector: 'social', nationalPartner: 'cnav' },
  { id: 'cpam', name: 'CPAM', fullName: 'Caisse primaire d’assurance maladie du Lot', sector: 'social', nationalPartner: 'cnam' },
  { id: 'udaf', name: 'UDAF (Point info famille)', fullName: 'Union départementale des associations familiales du Lot – Point info famille', sector: 'social' },
  { id: 'mission-locale', name: 'Mission Locale', fullName: 'Mission Locale du Lot', sector: 'employment-training' },
  // Label and funding.
  { id: 'prefecture-46', name: 'Préfecture du Lot', sector: 'other' },
  // The 7 local authorities.
  { id: 'cc-segala-limargue', name: 'CC Ségala Limargue', fullName: 'Communauté de communes du Ségala Limargue', sector: 'other' },
  { id: 'cc-cere-dordogne', name: 'CC Cère et Dordogne', fullName: 'Communauté de communes Cère et Dordogne', sector: 'other' },
  { id: 'cias-catus', name: 'CIAS Catus', fullName: 'Centre intercommunal d’action sociale de Catus', sector: 'other' },
  { id: 'cc-salviac', name: 'CC Salviac', fullName: 'Communauté de communes de Salviac', sector: 'other' },
  { id: 'cc-quercy-bouriane', name: 'CC Quercy Bouriane', fullName: 'Communauté de communes Quercy Bouriane', sector: 'other' },
  { id: 'cc-haut-segala', name: 'CC Haut Ségala', fullName: 'Communauté de communes du Haut Ségala', sector: 'other' },
  { id: 'commune-assier', name: 'Assier', fullName: 'Commune d’Assier', sector: 'other' },
  // Ardèche: the three agencies that agreed to sign, and the sub-prefecture.
  { id: 'anpe-valence-ouest', name: 'ANPE', fullName: 'Agence nationale pour l’emploi – Valence Ouest', sector: 'employment-training', nationalPartner: 'france-travail' },
  { id: 'msa-loire-ardeche', name: 'MSA', fullName: 'Mutualité sociale agricole Loire-Ardèche', sector: 'social', nationalPartner: 'msa' },
  { id: 'caf-ardeche', name: 'CAF', fullName: 'Caisse d’allocations familiales de l’Ardèche (Annonay)', sector: 'social', nationalPartner: 'cnaf' },
  { id: 'sous-prefecture-tournon', name: 'Sous-préfecture de Tournon-sur-Rhône', sector: 'other' },
];

/** The 17 partners: 5 Lot agencies, the Préfecture, 7 local authorities; ANPE, MSA, CAF and the sub-prefecture in Ardèche. */
export const demoAgencies: readonly Agency[] = agencyInputs.map((a) => AgencySchema.parse(a));

const LOT_AGENCIES = ['caf', 'cram', 'cpam', 'udaf', 'mission-locale'] as const;
/** The agencies that answer visio-guichet calls from the Lot's sites (those of the 172 sessions). */
const LOT_VISIO = new Set<string>(['caf', 'cram', 'cpam', 'mission-locale']);
/** Illustrative: the Mission Locale holds a half-day in the two busiest areas. */
const PRESENCE: Readonly<Record<string, string>> = {
  'rsp-46-gourdon/mission-locale': 'We 14:00-17:00',
  'rsp-46-bretenoux/mission-locale': 'Th 14:00-17:00',
};

const conventionInputs: ConventionInput[] = [
  ...LOT.flatMap((row) => [
    ...LOT_AGENCIES.map((agencyId): ConventionInput => {
      const presence = PRESENCE[`${row.id}/${agencyId}`];
      return {
        id: `${row.id}--${agencyId}`,
        siteId: row.id,
        agencyId,
        visio: LOT_VISIO.has(agencyId),
        ...(presence ? { presenceHours: presence } : {}),
      };
    }),
    { id: `${row.id}--${row.authority ?? ''}`, siteId: row.id, agencyId: row.authority ?? '' },
  ]),
  ...ARDECHE.flatMap((row) =>
    (['anpe-valence-ouest', 'msa-loire-ardeche', 'caf-ardeche'] as const).map(
      (agencyId): ConventionInput => ({
        id: `${row.id}--${agencyId}`,
        siteId: row.id,
        agencyId,
        // The CAF's visio-guichet was tried at Alboussière (9 calls in the year); MSA and ANPE see it as occasional at most.
        visio: agencyId === 'caf-ardeche' && row.id === 'rsp-07-alboussiere',
      }),
    ),
  ),
];

/** 66 conventions: 9 Lot sites × (5 agencies + their local authority), 4 Ardèche sites × 3 agencies. */
export const demoConventions: readonly Convention[] = conventionInputs.map((c) => ConventionSchema.parse(c));

const motifInputs: MotifInput[] = [
  { id: 'caf-prestations', agencyId: 'caf', adviserKind: 'prestations-familiales', label: { fr: 'Allocations familiales : ouvrir ou suivre un dossier', en: 'Family benefits: opening or following a claim' }, durationMinutes: 30, channels: ['visio', 'phone'] },
  { id: 'caf-rsa', agencyId: 'caf', adviserKind: 'insertion', label: { fr: 'Demande de RSA', en: 'Applying for RSA (minimum income)' }, durationMinutes: 45, channels: ['visio', 'phone'] },
  { id: 'caf-logement', agencyId: 'caf', adviserKind: 'prestations-familiales', label: { fr: 'Aide au logement', en: 'Housing benefit' }, durationMinutes: 30, channels: ['visio', 'phone'] },
  { id: 'cram-retraite', agencyId: 'cram', adviserKind: 'retraite', label: { fr: 'Préparer son départ à la retraite', en: 'Preparing for retirement' }, durationMinutes: 45, channels: ['visio', 'phone'] },
  { id: 'cram-carriere', agencyId: 'cram', adviserKind: 'retraite', label: { fr: 'Vérifier son relevé de carrière', en: 'Checking one’s career record' }, durationMinutes: 30, channels: ['visio', 'phone'] },
  { id: 'cpam-carte-vitale', agencyId: 'cpam', adviserKind: 'assurance-maladie', label: { fr: 'Carte Vitale : commande ou mise à jour', en: 'Carte Vitale: ordering or updating it' }, durationMinutes: 20, channels: ['visio', 'phone'] },
  { id: 'cpam-remboursement', agencyId: 'cpam', adviserKind: 'assurance-maladie', label: { fr: 'Question sur un remboursement de soins', en: 'A question about a refund of care' }, durationMinutes: 20, channels: ['visio', 'phone'] },
  { id: 'udaf-familles', agencyId: 'udaf', label: { fr: 'Information aux familles (Point info famille)', en: 'Information for families (Point info famille)' }, durationMinutes: 30, channels: ['phone'] },
  { id: 'ml-emploi', agencyId: 'mission-locale', label: { fr: 'Premier rendez-vous emploi (16 à 25 ans)', en: 'First job appointment (aged 16 to 25)' }, durationMinutes: 45, channels: ['on-site', 'visio'] },
  { id: 'ml-formation', agencyId: 'mission-locale', label: { fr: 'Trouver une formation', en: 'Finding a training course' }, durationMinutes: 45, channels: ['on-site', 'visio'] },
  { id: 'anpe-inscription', agencyId: 'anpe-valence-ouest', label: { fr: 'S’inscrire comme demandeur d’emploi', en: 'Registering as a jobseeker' }, durationMinutes: 30, channels: ['phone'] },
  { id: 'anpe-offres-en-ligne', agencyId: 'anpe-valence-ouest', label: { fr: 'Répondre en ligne à une offre d’emploi', en: 'Answering a job offer online' }, durationMinutes: 30, channels: ['phone'] },
  { id: 'msa-assurance', agencyId: 'msa-loire-ardeche', adviserKind: 'assurance', label: { fr: 'Assurance maladie agricole', en: 'Farm health insurance' }, durationMinutes: 20, channels: ['phone'] },
  { id: 'msa-retraite', agencyId: 'msa-loire-ardeche', adviserKind: 'retraite', label: { fr: 'Retraite agricole', en: 'Farm pension' }, durationMinutes: 30, channels: ['phone'] },
  { id: 'caf07-ressources', agencyId: 'caf-ardeche', label: { fr: 'Déclarer ses ressources en ligne', en: 'Declaring one’s income online' }, durationMinutes: 20, channels: ['visio', 'phone'] },
  { id: 'caf07-prestations', agencyId: 'caf-ardeche', adviserKind: 'prestations-familiales', label: { fr: 'Allocations familiales : ouvrir ou suivre un dossier', en: 'Family benefits: opening or following a claim' }, durationMinutes: 30, channels: ['visio', 'phone'] },
];

/** 16 motifs, in plain words, for the 8 agencies that receive the public. */
export const demoMotifs: readonly Motif[] = motifInputs.map((m) => MotifSchema.parse(m));

/**
 * When the agents answer: visio and phone hours per agency (for every site),
 * and the Mission Locale's on-site half-days. Illustrative hours; capacities
 * follow the seeds (the CRAM held nearly 3/4 of the visio sessions, the MSA
 * takes 1,000 calls a day).
 */
export const demoAvailability: readonly Availability[] = [
  { id: 'caf-visio', agencyId: 'caf', channel: 'visio', hours: 'Mo-Fr 09:00-12:00', capacity: 1 },
  { id: 'caf-phone', agencyId: 'caf', channel: 'phone', hours: 'Mo-Fr 13:30-16:30', capacity: 2 },
  { id: 'cram-visio', agencyId: 'cram', channel: 'visio', hours: 'Mo-Fr 09:00-12:00,13:30-16:30', capacity: 2 },
  { id: 'cram-phone', agencyId: 'cram', channel: 'phone', hours: 'Mo-Fr 09:00-12:00', capacity: 1 },
  { id: 'cpam-visio', agencyId: 'cpam', channel: 'visio', hours: 'Tu,Th 09:00-12:00', capacity: 1 },
  { id: 'cpam-phone', agencyId: 'cpam', channel: 'phone', hours: 'Mo-Fr 14:00-16:00', capacity: 1 },
  { id: 'udaf-phone', agencyId: 'udaf', channel: 'phone', hours: 'Mo,Th 14:00-17:00', capacity: 1 },
  { id: 'mission-locale-visio', agencyId: 'mission-locale', channel: 'visio', hours: 'Mo,Fr 09:00-12:00', capacity: 1 },
  ...Object.entries(PRESENCE).map(([key, hours]): Availability => {
    const [siteId = '', agencyId = ''] = key.split('/');
    return { id: `${agencyId}-on-site-${siteId}`, agencyId, siteId, channel: 'on-site', hours, capacity: 1 };
  }),
  { id: 'anpe-valence-ouest-phone', agencyId: 'anpe-valence-ouest', channel: 'phone', hours: 'Mo-Fr 09:00-12:00', capacity: 1 },
  { id: 'msa-loire-ardeche-phone', agencyId: 'msa-loire-ardeche', channel: 'phone', hours: 'Mo-Fr 08:30-12:00,13:30-17:00', capacity: 5 },
  { id: 'caf-ardeche-visio', agencyId: 'caf-ardeche', channel: 'visio', hours: 'Tu 09:00-12:00', capacity: 1 },
  { id: 'caf-ardeche-phone', agencyId: 'caf-ardeche', channel: 'phone', hours: 'Mo-Fr 09:00-12:00,13:30-16:00', capacity: 2 },
];
