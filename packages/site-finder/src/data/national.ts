// The national partner networks of France Services by code: plain data, no zod
// (url-state.ts reads the codes, sites.ts the names, in every page's bundle).
import type { AgencySector, NationalPartner } from '@rsp/core/schemas.js';

/** What people call each national partner network, and its charter sector. */
export const NATIONAL: Readonly<Record<NationalPartner, { readonly name: string; readonly fullName: string; readonly sector: AgencySector }>> = {
  cnaf: { name: 'CAF', fullName: 'Caisse nationale des allocations familiales', sector: 'social' },
  cnam: { name: 'Assurance Maladie', fullName: 'Caisse nationale de l’Assurance Maladie', sector: 'social' },
  cnav: { name: 'Assurance retraite', fullName: 'Caisse nationale d’assurance vieillesse', sector: 'social' },
  msa: { name: 'MSA', fullName: 'Mutualité sociale agricole', sector: 'social' },
  'france-travail': { name: 'France Travail', fullName: 'France Travail', sector: 'employment-training' },
  'la-poste': { name: 'La Poste', fullName: 'La Poste', sector: 'other' },
  dgfip: { name: 'Finances publiques', fullName: 'Direction générale des Finances publiques', sector: 'other' },
  justice: { name: 'Justice', fullName: 'Ministère de la Justice', sector: 'other' },
  'interieur-ants': { name: 'ANTS', fullName: 'Ministère de l’Intérieur, Agence nationale des titres sécurisés', sector: 'other' },
  'energie-info': { name: 'Énergie Info', fullName: 'Énergie Info (Médiateur national de l’énergie)', sector: 'other' },
  'agirc-arrco': { name: 'Agirc-Arrco', fullName: 'Agirc-Arrco', sector: 'other' },
  urssaf: { name: 'Urssaf', fullName: 'Urssaf', sector: 'other' },
};
