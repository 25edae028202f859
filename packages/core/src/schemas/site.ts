import '../zod-config.js';
import * as z from 'zod/mini';
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
  street: z.optional(text(200)),
  complement: z.optional(text(200)),
  postcode: Postcode,
  commune: text(120),
  /** The commune's INSEE code, when known. */
  inseeCode: z.optional(InseeCode),
});
export type Address = z.infer<typeof Address>;

/**
 * What users can use at the site. A missing field means *unknown*, which the
 * charter reports as such; `0` or `false` means *known to be absent*.
 */
export const Equipment = z.strictObject({
  /** Broadband-connected computers available to users. */
  broadbandComputers: z.optional(z.number().check(z.int('rsp.integer'), z.gte(0, 'rsp.nonNegative'), z.lte(1000, 'rsp.tooBig'))),
  scanner: z.optional(z.boolean()),
  printer: z.optional(z.boolean()),
  /** A visio-guichet station (camera, microphone, screen) for video appointments. */
  visioStation: z.optional(z.boolean()),
});
export type Equipment = z.infer<typeof Equipment>;

/** The label a site holds and since when. */
export const Label = z.strictObject({
  kind: z.enum(['rsp', 'msap', 'france-services']),
  date: z.optional(IsoDate),
});
export type Label = z.infer<typeof Label>;

/** A stop of an itinerant site (bus): where and when. */
export const Stop = z.strictObject({
  name: text(200),
  address: z.optional(Address),
  coordinates: z.optional(Coordinates),
  openingHours: z.optional(OpeningHoursText),
});
export type Stop = z.infer<typeof Stop>;

/** Where a record came from, to trace a figure back to its source row. */
export const SourceRef = z.strictObject({
  dataset: text(200),
  id: z.optional(text(200)),
  row: z.optional(z.number().check(z.int('rsp.integer'), z.gte(1, 'rsp.positive'))),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** A public-service point: a Relais Services Publics, a France Services, a Cyber-base… */
export const Site = z.strictObject({
  schemaVersion: SchemaVersion,
  id: Id,
  name: text(200),
  venueKind: VenueKind,
  address: Address,
  coordinates: z.optional(Coordinates),
  /** Opening hours to the public, OSM syntax. Absent: unknown (never "closed"). */
  openingHours: z.optional(OpeningHoursText),
  /** The original hours text when it could not be converted, kept for people to read. */
  openingHoursText: z.optional(text(2000)),
  /** Whether appointments can be booked. */
  appointments: z.optional(z.boolean()),
  phone: z.optional(Phone),
  email: z.optional(Email),
  website: z.optional(WebUrl),
  equipment: z._default(Equipment, {}),
  /** A confidential, well-identified reception place. */
  confidentialSpace: z.optional(z.boolean()),
  /** Trained advisers (France Services asks for at least 2). */
  advisers: z.optional(z.number().check(z.int('rsp.integer'), z.gte(0, 'rsp.nonNegative'), z.lte(500, 'rsp.tooBig'))),
  mediatorIds: z._default(z.array(Id), []),
  label: z.optional(Label),
  /** For an antenna, the main site it depends on. */
  parentId: z.optional(Id),
  stops: z._default(z.array(Stop).check(z.maxLength(200, 'rsp.tooMany')), []),
  /** Free remarks from the source (appointments, itinerant schedule…). */
  remarks: z.optional(text(2000)),
  source: z.optional(SourceRef),
});
export type Site = z.infer<typeof Site>;
export type SiteInput = z.input<typeof Site>;
