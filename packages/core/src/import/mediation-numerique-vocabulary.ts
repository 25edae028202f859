/**
 * The controlled vocabularies and constraints of the national "Lieux de
 * médiation numérique" data standard (LaMednum/standard-mediation-num,
 * schema.json v1.0.2, Licence Ouverte / Etalab 2.0), as typed constants.
 *
 * Generated once from the schema's `pattern` constraints (each vocabulary is
 * the alternation of its pattern, unescaped) and kept in step by a test that
 * reads a copy of the schema (`test/fixtures/import/mediation-numerique-schema.json`):
 * a small module, so that a widget loading médiation numérique files does not
 * carry the 24 kB schema. `typologie` is not constrained by the schema; its
 * codes are data·inclusion's structure typologies (as listed by the ANCT
 * library `@gouvfr-anct/lieux-de-mediation-numerique` 2.3.0, MIT).
 *
 * @module
 */

/** The columns of the standard, in the schema's order. */
export const MEDIATION_NUMERIQUE_COLUMNS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;

/** A column of the standard. */
export type MediationNumeriqueColumn = (typeof MEDIATION_NUMERIQUE_COLUMNS)[number];

/** The columns the schema requires. */
export const MEDIATION_NUMERIQUE_REQUIRED: readonly MediationNumeriqueColumn[] = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'];

/** The schema's patterns for single values (`pivot`: SIRET, RNA or RIDET; `telephone`: international, no spaces). */
export const MEDIATION_NUMERIQUE_PATTERNS = {
  pivot: /^[a-zA-Z0-9]{9,14}$/,
  code_postal: /^\d{5}$/,
  code_insee: /^([013-9]\d|2[AB1-9])\d{3}$/,
  telephone: /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/,
} as const;

/** `presentation_resume` holds at most this many characters. */
export const PRESENTATION_RESUME_MAX_LENGTH = 280;

/** The controlled vocabulary of each multi-valued column (values separated by `|`). */
export const MEDIATION_NUMERIQUE_VOCABULARIES = {
  /** Whether the place is fixed or itinerant (a bus, a caravan). */
  itinerance: ['Itinérant', 'Fixe'],
  /** The kinds of help offered. */
  services: ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien', 'Insertion professionnelle via le numérique', 'Utilisation sécurisée du numérique', 'Parentalité et éducation avec le numérique', 'Loisirs et créations numériques', 'Compréhension du monde numérique', 'Accès internet et matériel informatique', 'Acquisition de matériel informatique à prix solidaire'],
  /** The publics a place is reserved for (by default, everyone). */
  publics_specifiquement_adresses: ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'],
  /** Particular needs the place can support. */
  prise_en_charge_specifique: ['Surdité', 'Handicaps moteurs', 'Handicaps mentaux', 'Illettrisme', 'Langues étrangères (anglais)', 'Langues étrangères (autres)', 'Déficience visuelle'],
  /** What it costs. */
  frais_a_charge: ['Gratuit', 'Gratuit sous condition', 'Payant'],
  /** The national programmes the place belongs to. */
  dispositif_programmes_nationaux: ['Aidants Connect', 'Bibliothèques numérique de référence', 'Certification PIX', 'Conseillers numériques', 'Emmaüs Connect', 'France Services', 'Grande école du numérique', 'La Croix Rouge', 'Point d\'accès numérique CAF', 'Promeneurs du net', 'Relais numérique (Emmaüs Connect)'],
  /** Trainings and labels obtained (`Étapes numériques(La Poste)` is written without a space in the schema). */
  formations_labels: ['Formé à « Mon Espace Santé »', 'Formé à « DUPLEX » (illettrisme)', 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)', 'Collectif ressources et acteurs réemploi (Normandie)', 'Étapes numériques(La Poste)', 'Fabriques de Territoire', 'Les Éclaireurs du numérique (Drôme)', 'Mes Papiers (Métropole de Lyon)', 'ORDI 3.0', 'SUD LABS (PACA)'],
  /** How to get help there. */
  modalites_acces: ['Se présenter', 'Téléphoner', 'Contacter par mail', 'Prendre un RDV en ligne', 'Ce lieu n\'accueille pas de public', 'Envoyer un mail avec une fiche de prescription'],
  /** How help is given. */
  modalites_accompagnement: ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance'],
} as const;

/** A column with a controlled vocabulary. */
export type VocabularyColumn = keyof typeof MEDIATION_NUMERIQUE_VOCABULARIES;

/** A value of a column's vocabulary. */
export type VocabularyValue<C extends VocabularyColumn> = (typeof MEDIATION_NUMERIQUE_VOCABULARIES)[C][number];

/** The data·inclusion structure typologies `typologie` draws from (`RFS` Réseau France Services, `BIB` library, `MUNI` town hall…). */
export const TYPOLOGIES: readonly string[] = [
  'ACI', 'ACIPHC', 'AFPA', 'AI', 'ASE', 'ASSO', 'ASSO_CHOMEUR', 'Autre', 'AVIP', 'BIB', 'CAARUD', 'CADA', 'CAF',
  'CAP_EMPLOI', 'CAVA', 'CC', 'CCAS', 'CCONS', 'CD', 'CDAS', 'CFP', 'CHRS', 'CHU', 'CIAS', 'CIDFF', 'CITMET', 'CMP',
  'CMS', 'CPAM', 'CPH', 'CS', 'CSAPA', 'CSC', 'DEETS', 'DEPT', 'DIPLP', 'E2C', 'EA', 'EATT', 'EI', 'EITI', 'ENM',
  'EPCI', 'EPI', 'EPIDE', 'EPN', 'ES', 'ESAT', 'ESS', 'ETTI', 'EVS', 'FABLAB', 'FABRIQUE', 'FAIS', 'FT', 'GEIQ',
  'HUDA', 'LA_POSTE', 'MDE', 'MDH', 'MDEF', 'MDPH', 'MDS', 'MJC', 'ML', 'MQ', 'MSA', 'MSAP', 'MUNI', 'OACAS', 'ODC',
  'OF', 'OIL', 'OPCS', 'PAD', 'PENSION', 'PI', 'PIJ_BIJ', 'PIMMS', 'PJJ', 'PLIE', 'PREF', 'PREVENTION', 'REG',
  'RELAIS_LECTURE', 'RESSOURCERIE', 'RFS', 'RS_FJT', 'SCP', 'SPIP', 'TIERS_LIEUX', 'UDAF',
];
