import '../zod-config.js';
import { z } from 'zod';
import {
  Coordinates,
  Email,
  Id,
  InseeCode,
  IsoDate,
  OpeningHoursText,
  Phone,
  Postcode,
  SchemaVersion,
  WebUrl,
  text,
} from './common.js';

/** Where a site is hosted. `itinerant` is a bus or a mediator touring stops. */
export const VenueKind = z.enum([
  'cyber-base',
  'epn',
  'town-hall',
  'community-house',
  'library',
  'france-services',
  'itinerant',
  'other',
]);
export type VenueKind = z.infer<typeof VenueKind>;

/** A postal address in France. */
export const Address = z.strictObject({
  street: text(200).optional(),
  complement: text(200).optional(),
  postcode: Postcode,
  commune: text(120),
  /** The commune's INSEE code, when known. */
  inseeCode: InseeCode.optional(),
});
export type Address = z.infer<typeof Address>;

/**
 * What users can use at the site. A missing field means *unknown*, which the
 * charter reports as such; `0` or `false` means *known to be absent*.
 */
export const Equipment = z.strictObject({
  /** Broadband-connected computers available to users. */
  broadbandComputers: z.number().int('rsp.integer').min(0, 'rsp.nonNegative').max(1000, 'rsp.tooBig').optional(),
  scanner: z.boolean().optional(),
  printer: z.boolean().optional(),
  /** A visio-guichet station (camera, microphone, screen) for video appointments. */
  visioStation: z.boolean().optional(),
});
export type Equipment = z.infer<typeof Equipment>;

/** The label a site holds and since when. */
export const Label = z.strictObject({
  kind: z.enum(['rsp', 'msap', 'france-services']),
  date: IsoDate.optional(),
});
export type Label = z.infer<typeof Label>;

/** A stop of an itinerant site (bus): where and when. */
export const Stop = z.strictObject({
  name: text(200),
  address: Address.optional(),
  coordinates: Coordinates.optional(),
  openingHours: OpeningHoursText.optional(),
});
export type Stop = z.infer<typeof Stop>;

/** Where a record came from, to trace a figure back to its source row. */
export const SourceRef = z.strictObject({
  dataset: text(200),
  id: text(200).optional(),
  row: z.number().int('rsp.integer').min(1, 'rsp.positive').optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** A public-service point: a Relais Services Publics, a France Services, a Cyber-base… */
export const Site = z.strictObject({
  schemaVersion: SchemaVersion,
  id: Id,
  name: text(200),
  venueKind: VenueKind,
  address: Address,
  coordinates: Coordinates.optional(),
  /** Opening hours to the public, OSM syntax. Absent: unknown (never "closed"). */
  openingHours: OpeningHoursText.optional(),
  /** The original hours text when it could not be converted, kept for people to read. */
  openingHoursText: text(2000).optional(),
  /** Whether appointments can be booked. */
  appointments: z.boolean().optional(),
  phone: Phone.optional(),
  email: Email.optional(),
  website: WebUrl.optional(),
  equipment: Equipment.default({}),
  /** A confidential, well-identified reception place. */
  confidentialSpace: z.boolean().optional(),
  /** Trained advisers (France Services asks for at least 2). */
  advisers: z.number().int('rsp.integer').min(0, 'rsp.nonNegative').max(500, 'rsp.tooBig').optional(),
  mediatorIds: z.array(Id).default([]),
  label: Label.optional(),
  /** For an antenna, the main site it depends on. */
  parentId: Id.optional(),
  stops: z.array(Stop).max(200, 'rsp.tooMany').default([]),
  /** Free remarks from the source (appointments, itinerant schedule…). */
  remarks: text(2000).optional(),
  source: SourceRef.optional(),
});
export type Site = z.infer<typeof Site>;
export type SiteInput = z.input<typeof Site>;
