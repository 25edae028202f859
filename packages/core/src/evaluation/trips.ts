import { distanceKm } from '../geo/distance.js';
import type { Coordinates } from '../schemas/common.js';
import type { Period } from './period.js';
import { inPeriod } from './period.js';

/**
 * The seeds' emission factor: 0.18 kg of CO2 per km by car (the Lot report:
 * 200 kg for 1,117 km avoided, 0.179 kg/km).
 */
export const DEFAULT_EMISSION_FACTOR_KG_PER_KM = 0.18;

/** Road distance over straight-line distance: 1.0 reproduces the seeds' figure; about 1.3 is realistic in the countryside. */
export const DEFAULT_DETOUR_FACTOR = 1;

/** A more realistic road-detour factor for rural France (roads are about 30 % longer than the straight line). */
export const RURAL_DETOUR_FACTOR = 1.3;

/**
 * A trip avoided: someone from `home` (their commune) went to the site at
 * `site` instead of the agency's office at `office`.
 */
export interface AvoidedTrip {
  readonly home: Coordinates;
  readonly site: Coordinates;
  readonly office: Coordinates;
  /** Paris date `YYYY-MM-DD`, to select by period. */
  readonly date?: string;
  readonly siteId?: string;
  readonly agencyId?: string;
}

/** Options of {@link tripsAvoided}. */
export interface TripOptions {
  /** kg of CO2 per km. Default {@link DEFAULT_EMISSION_FACTOR_KG_PER_KM} (0.18, a car). */
  readonly emissionFactor?: number;
  /** Multiplies straight-line distances. Default {@link DEFAULT_DETOUR_FACTOR} (1.0). */
  readonly detourFactor?: number;
  /** Only trips dated in this period (undated trips are then left out). Default: all. */
  readonly period?: Period;
}

/** Km and CO2 saved. */
export interface TripSummary {
  readonly trips: number;
  /** Trips where the site was not nearer than the office: they save nothing (never a negative saving). */
  readonly tripsWithoutSaving: number;
  /** Round-trip km saved. */
  readonly km: number;
  /** kg of CO2 saved. */
  readonly kgCo2: number;
  readonly emissionFactor: number;
  readonly detourFactor: number;
}

/**
 * Km and CO2 saved by trips avoided: for each trip, the round trip from home
 * to the agency's office minus the round trip from home to the site
 * (great-circle distance from `geo`'s `distanceKm` × detour factor; 0 when the site is not nearer), and the km
 * times the emission factor.
 *
 * @example
 * tripsAvoided(trips) // { trips: 40, km: 1117, kgCo2: 201, … }
 * @throws {RangeError} when a factor is negative or not finite.
 */
export function tripsAvoided(trips: readonly AvoidedTrip[], options: TripOptions = {}): TripSummary {
  const { emissionFactor = DEFAULT_EMISSION_FACTOR_KG_PER_KM, detourFactor = DEFAULT_DETOUR_FACTOR, period } = options;
  if (!(emissionFactor >= 0 && Number.isFinite(emissionFactor))) throw new RangeError(`Invalid emission factor: ${String(emissionFactor)}`);
  if (!(detourFactor >= 0 && Number.isFinite(detourFactor))) throw new RangeError(`Invalid detour factor: ${String(detourFactor)}`);
  let count = 0;
  let without = 0;
  let km = 0;
  for (const trip of trips) {
    if (period && (trip.date === undefined || !inPeriod(trip.date, period))) continue;
    count += 1;
    const saved = 2 * detourFactor * (distanceKm(trip.home, trip.office) - distanceKm(trip.home, trip.site));
    if (saved > 0) km += saved;
    else without += 1;
  }
  return { trips: count, tripsWithoutSaving: without, km, kgCo2: km * emissionFactor, emissionFactor, detourFactor };
}
