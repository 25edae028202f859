/**
 * Plain-word explanations, in French and English, of why a proposed
 * appointment slot cannot be booked.
 *
 * @module
 */

import type { Channel } from '../schemas/motif.js';

/** Why a proposed slot cannot be booked; see {@link checkSlot}. */
export type SlotRefusal = 'outside-hours' | 'holiday' | 'absence' | 'taken' | 'too-soon' | 'too-far' | 'channel' | 'misaligned';

/** What the messages may mention. Internal. */
export interface RefusalFacts {
  readonly channel: Channel;
  readonly minNoticeMinutes: number;
  readonly horizonDays: number;
}

const NBSP = '\u00a0';
const CHANNEL_FR: Readonly<Record<Channel, string>> = { 'on-site': 'sur place', phone: 'par téléphone', visio: 'en visio' };
const CHANNEL_EN: Readonly<Record<Channel, string>> = { 'on-site': 'on site', phone: 'by phone', visio: 'by video call' };

const plural = (n: number, one: string, many: string): string => `${String(n)}${NBSP}${n === 1 ? one : many}`;

/** A notice in minutes in the largest whole unit: `'30 minutes'`, `'2 heures'`, `'1 jour'`. */
function duration(minutes: number, fr: boolean): string {
  if (minutes > 0 && minutes % 1440 === 0) return plural(minutes / 1440, fr ? 'jour' : 'day', fr ? 'jours' : 'days');
  if (minutes > 0 && minutes % 60 === 0) return plural(minutes / 60, fr ? 'heure' : 'hour', fr ? 'heures' : 'hours');
  return plural(minutes, 'minute', 'minutes');
}

/** The English and French explanations of a refusal. Internal. */
export function refusalMessages(reason: SlotRefusal, facts: RefusalFacts): { message: string; messageFr: string } {
  switch (reason) {
    case 'outside-hours':
      return {
        message: 'This time is outside the hours when appointments are given.',
        messageFr: 'Cet horaire est en dehors des heures de rendez-vous.',
      };
    case 'holiday':
      return { message: 'This day is a public holiday.', messageFr: 'Ce jour est férié.' };
    case 'absence':
      return {
        message: 'The person who receives is away at that time.',
        messageFr: 'La personne qui reçoit est absente à ce moment-là.',
      };
    case 'taken':
      return { message: 'This slot is no longer free.', messageFr: 'Ce créneau n’est plus libre.' };
    case 'too-soon':
      return {
        message: `Appointments must be booked at least ${duration(facts.minNoticeMinutes, false)} ahead.`,
        messageFr: `Un rendez-vous se prend au moins ${duration(facts.minNoticeMinutes, true)} à l’avance.`,
      };
    case 'too-far':
      return {
        message: `Appointments can be booked at most ${plural(facts.horizonDays, 'day', 'days')} ahead.`,
        messageFr: `Un rendez-vous se prend au plus ${plural(facts.horizonDays, 'jour', 'jours')} à l’avance.`,
      };
    case 'channel':
      return {
        message: `This kind of appointment is not given ${CHANNEL_EN[facts.channel]}.`,
        messageFr: `Ce type de rendez-vous ne se fait pas ${CHANNEL_FR[facts.channel]}.`,
      };
    case 'misaligned':
      return {
        message: 'This time is not one of the proposed slots.',
        messageFr: 'Cet horaire ne correspond pas à un créneau proposé.',
      };
  }
}
