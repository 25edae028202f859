import '../zod-config.js';
import * as z from 'zod/mini';

/**
 * Version of the RSP Kit data model. Every stored or exchanged record says
 * which version it follows, so that a later version can read it back.
 */
export const SCHEMA_VERSION = 1;

/** The `schemaVersion` field of every record: the current version, filled in when absent. */
export const SchemaVersion = z._default(z.literal(SCHEMA_VERSION), SCHEMA_VERSION);

/**
 * An identifier: letters, digits, `.`, `_`, `:` and `-`, starting with a
 * letter or digit, at most 100 characters (`fs-46-001`, `caf`, a UUID).
 */
export const Id = z
  .string()
  .check(z.minLength(1, 'rsp.required'), z.maxLength(100, 'rsp.id'), z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'rsp.id'));

/** A short human text: trimmed, not empty, at most `max` characters. */
export const text = (max = 200) => z.string().check(z.trim(), z.minLength(1, 'rsp.required'), z.maxLength(max, 'rsp.tooLong'));

/** A French commune code (INSEE, "code officiel géographique"): 5 characters, Corsica `2A`/`2B`. */
export const InseeCode = z.string().check(z.regex(/^(?:\d{2}|2[AB])\d{3}$/, 'rsp.insee'));

/** A French postcode: 5 digits. */
export const Postcode = z.string().check(z.regex(/^\d{5}$/, 'rsp.postcode'));

/** WGS 84 coordinates in decimal degrees. */
export const Coordinates = z.strictObject({
  lat: z.number().check(z.gte(-90, 'rsp.latitude'), z.lte(90, 'rsp.latitude')),
  lon: z.number().check(z.gte(-180, 'rsp.longitude'), z.lte(180, 'rsp.longitude')),
});
export type Coordinates = z.infer<typeof Coordinates>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date('rsp.date');

/** An instant with its offset, `2026-03-03T09:30:00+01:00` or `…Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true, message: 'rsp.dateTime' });

/** An ISO week, `2026-W10`. */
export const IsoWeek = z.string().check(z.regex(/^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$/, 'rsp.isoWeek'));

/** An e-mail address. */
export const Email = z.email('rsp.email');

/** A telephone number as written: digits, spaces, dots, dashes, parentheses and a leading `+`. */
export const Phone = z.string().check(z.trim(), z.regex(/^\+?[\d\s.()-]{6,25}$/, 'rsp.phone'));

/** A web address (http or https). */
export const WebUrl = z.url({ protocol: /^https?$/, message: 'rsp.url' });

/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax, the form the
 * national schemas use (`Mo-Fr 09:00-12:00,14:00-17:00; PH off`).
 */
export const OpeningHoursText = z.string().check(z.trim(), z.minLength(1, 'rsp.required'), z.maxLength(1000, 'rsp.tooLong'));

/** A person to contact: a name and at least one way to reach them. */
export const Contact = z.strictObject({
  name: text(120),
  role: z.optional(text(120)),
  email: z.optional(Email),
  phone: z.optional(Phone),
});
export type Contact = z.infer<typeof Contact>;

/** A text in French (required) and English (optional). */
export const LocalizedText = z.strictObject({ fr: text(500), en: z.optional(text(500)) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * For refinements that compare fields: run only when none of those fields
 * already failed, so one mistake is not reported twice.
 */
export const whenValid = (...fields: string[]) => ({
  when: (payload: z.core.ParsePayload) => !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
});
