/**
 * A booking as an iCalendar file (RFC 5545): one `VEVENT`, times in UTC,
 * text escaped, lines folded at 75 octets and ended by CRLF.
 *
 * @module
 */
import type { Locale } from '@rsp/core/locale.js';
import type { Agency, Booking, Motif, Site } from '@rsp/core/schemas.js';

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** An instant as a UTC DATE-TIME: `20261201T083000Z`. */
export function icsTime(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** What the file describes besides the booking (records may be missing after a re-import). */
export interface IcsFacts {
  readonly booking: Booking;
  readonly agency: Agency | undefined;
  readonly motif: Motif | undefined;
  readonly site: Site | undefined;
  readonly locale: Locale;
}

/** The site's name and postal address on one line. */
export function siteLocation(site: Site): string {
  const { street, complement, postcode, commune } = site.address;
  return [site.name, street, complement, `${postcode} ${commune}`].filter((p) => p !== undefined && p !== '').join(', ');
}

const CHANNEL: Readonly<Record<Booking['channel'], Readonly<Record<Locale, string>>>> = {
  'on-site': { fr: 'sur place', en: 'on site' },
  phone: { fr: 'par téléphone', en: 'by phone' },
  visio: { fr: 'en visio-guichet', en: 'by video call' },
};

/** The calendar file of a booking. */
export function bookingIcs({ booking, agency, motif, site, locale }: IcsFacts): string {
  const fr = locale === 'fr';
  const what = motif ? motif.label[locale] ?? motif.label.fr : booking.motifId;
  const who = agency?.name ?? booking.agencyId;
  const description = [
    `${fr ? 'Rendez-vous' : 'Appointment'} ${CHANNEL[booking.channel][locale]} ${fr ? 'avec' : 'with'} ${who}.`,
    `${fr ? 'Au nom de' : 'For'} ${booking.person.name}.`,
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//RSP Kit//Booking//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${booking.id}`,
    `DTSTAMP:${icsTime(booking.createdAt)}`,
    `DTSTART:${icsTime(booking.start)}`,
    `DTEND:${icsTime(booking.end)}`,
    `SUMMARY:${escapeText(`${what} — ${who}`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(site && booking.channel !== 'phone' ? [`LOCATION:${escapeText(siteLocation(site))}`] : []),
    `STATUS:${booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
