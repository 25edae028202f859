import * as z from 'zod/mini';
import { ValidationError } from '../errors.js';
import type { ValidationIssue } from '../errors.js';
import type { Locale } from '../locale.js';

type Issue = z.core.$ZodIssue;
type Words = (issue: Issue) => string;

const quote = (value: unknown, locale: Locale): string => {
  // JSON.stringify gives undefined for undefined and functions, whatever its type says.
  const text = typeof value === 'string' ? value : (JSON.stringify(value) as string | undefined) ?? String(value);
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  if (typeof value !== 'string') return short;
  return locale === 'fr' ? `« ${short} »` : `"${short}"`;
};

const limit = (issue: Issue): string => {
  if (issue.code === 'too_big') return String(issue.maximum);
  if (issue.code === 'too_small') return String(issue.minimum);
  return '';
};

/** Plain words for the message keys the schemas use (`rsp.*`). */
const keyed: Record<Locale, Record<string, Words>> = {
  fr: {
    'rsp.required': () => 'est obligatoire',
    'rsp.tooLong': (i) => `est trop long (${limit(i)} caractères au plus)`,
    'rsp.id': () => 'doit être un identifiant : lettres, chiffres, « . », « _ », « : » ou « - », 100 caractères au plus',
    'rsp.insee': () => 'doit être un code INSEE de commune à 5 caractères, par exemple 46042 ou 2A004',
    'rsp.postcode': () => 'doit être un code postal à 5 chiffres, par exemple 46300',
    'rsp.latitude': () => 'doit être une latitude entre -90 et 90 degrés',
    'rsp.longitude': () => 'doit être une longitude entre -180 et 180 degrés',
    'rsp.date': () => 'doit être une date réelle écrite AAAA-MM-JJ, par exemple 2026-03-03',
    'rsp.dateTime': () => 'doit être une date et une heure avec leur fuseau, par exemple 2026-03-03T09:30:00+01:00',
    'rsp.isoWeek': () => 'doit être une semaine ISO écrite AAAA-Wss, par exemple 2026-W10',
    'rsp.email': () => 'doit être une adresse e-mail, par exemple nom@exemple.fr',
    'rsp.phone': () => 'doit être un numéro de téléphone, par exemple 05 65 00 00 00',
    'rsp.url': () => 'doit être une adresse web commençant par http:// ou https://',
    'rsp.integer': () => 'doit être un nombre entier',
    'rsp.nonNegative': () => 'ne peut pas être négatif',
    'rsp.positive': () => 'doit être supérieur à zéro',
    'rsp.tooBig': (i) => `est trop grand (${limit(i)} au plus)`,
    'rsp.tooSmall': (i) => `est trop petit (${limit(i)} au moins)`,
    'rsp.tooMany': (i) => `contient trop d’éléments (${limit(i)} au plus)`,
    'rsp.atLeastOne': () => 'doit contenir au moins un élément',
    'rsp.atLeastTwo': () => 'doit contenir au moins deux choix',
    'rsp.minDuration': () => 'doit durer au moins 5 minutes',
    'rsp.maxDuration': () => 'ne peut pas dépasser 8 heures (480 minutes)',
    'rsp.duplicates': () => 'contient deux fois la même valeur',
    'rsp.phoneOrEmail': () => 'un numéro de téléphone ou une adresse e-mail est nécessaire pour la confirmation',
    'rsp.endAfterStart': () => 'doit être après le début',
    'rsp.siteRequired': () => 'est obligatoire pour un rendez-vous sur place ou en visio-guichet',
    'rsp.startAfterRequest': () => 'ne peut pas précéder la demande',
    'rsp.duplicateId': () => 'est déjà l’identifiant d’une autre question',
    'rsp.showIfEarlier': () => 'doit désigner une question placée avant celle-ci',
    'rsp.token': () => 'doit être le jeton de visite remis par le site (16 à 200 lettres, chiffres, « - » ou « _ »)',
    'rsp.unknownQuestion': () => 'ne correspond à aucune question de ce questionnaire',
    'rsp.hiddenQuestion': () => 'répond à une question qui n’est pas posée avec ces réponses',
    'rsp.invalidAnswer': () => 'n’est pas une réponse possible à cette question',
  },
  en: {
    'rsp.required': () => 'is required',
    'rsp.tooLong': (i) => `is too long (${limit(i)} characters at most)`,
    'rsp.id': () => 'must be an identifier: letters, digits, ".", "_", ":" or "-", 100 characters at most',
    'rsp.insee': () => 'must be a 5-character INSEE commune code, for example 46042 or 2A004',
    'rsp.postcode': () => 'must be a 5-digit postcode, for example 46300',
    'rsp.latitude': () => 'must be a latitude between -90 and 90 degrees',
    'rsp.longitude': () => 'must be a longitude between -180 and 180 degrees',
    'rsp.date': () => 'must be a real date written YYYY-MM-DD, for example 2026-03-03',
    'rsp.dateTime': () => 'must be a date and time with its offset, for example 2026-03-03T09:30:00+01:00',
    'rsp.isoWeek': () => 'must be an ISO week written YYYY-Www, for example 2026-W10',
    'rsp.email': () => 'must be an e-mail address, for example name@example.fr',
    'rsp.phone': () => 'must be a telephone number, for example 05 65 00 00 00',
    'rsp.url': () => 'must be a web address starting with http:// or https://',
    'rsp.integer': () => 'must be a whole number',
    'rsp.nonNegative': () => 'cannot be negative',
    'rsp.positive': () => 'must be greater than zero',
    'rsp.tooBig': (i) => `is too large (${limit(i)} at most)`,
    'rsp.tooSmall': (i) => `is too small (${limit(i)} at least)`,
    'rsp.tooMany': (i) => `has too many items (${limit(i)} at most)`,
    'rsp.atLeastOne': () => 'must contain at least one item',
    'rsp.atLeastTwo': () => 'must offer at least two choices',
    'rsp.minDuration': () => 'must last at least 5 minutes',
    'rsp.maxDuration': () => 'cannot exceed 8 hours (480 minutes)',
    'rsp.duplicates': () => 'contains the same value twice',
    'rsp.phoneOrEmail': () => 'a telephone number or an e-mail address is needed for the confirmation',
    'rsp.endAfterStart': () => 'must be after the start',
    'rsp.siteRequired': () => 'is required for an on-site or visio-guichet appointment',
    'rsp.startAfterRequest': () => 'cannot be before the request',
    'rsp.duplicateId': () => 'is already the id of another question',
    'rsp.showIfEarlier': () => 'must name a question placed before this one',
    'rsp.token': () => 'must be the visit token handed out by the site (16 to 200 letters, digits, "-" or "_")',
    'rsp.unknownQuestion': () => 'matches no question of this survey',
    'rsp.hiddenQuestion': () => 'answers a question that is not asked with these answers',
    'rsp.invalidAnswer': () => 'is not a possible answer to this question',
  },
};

const typeNames: Record<Locale, Record<string, string>> = {
  fr: { string: 'un texte', number: 'un nombre', int: 'un nombre entier', boolean: 'vrai ou faux', object: 'un objet', array: 'une liste', date: 'une date' },
  en: { string: 'a text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', date: 'a date' },
};

/** Plain words for zod's own issue codes, when a schema gave no message key. */
function generic(issue: Issue, locale: Locale): string {
  const fr = locale === 'fr';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return fr ? 'est obligatoire' : 'is required';
      const expected = typeNames[locale][issue.expected] ?? issue.expected;
      return fr ? `doit être ${expected}` : `must be ${expected}`;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => quote(v, locale)).join(', ');
      if (issue.values.length === 1) return fr ? `doit valoir ${values}` : `must be ${values}`;
      return fr ? `doit être l’une de ces valeurs : ${values}` : `must be one of: ${values}`;
    }
    case 'too_small':
      return fr ? `doit valoir au moins ${String(issue.minimum)}` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return fr ? `doit valoir au plus ${String(issue.maximum)}` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return fr ? `n’a pas le format attendu (${issue.format})` : `does not have the expected format (${issue.format})`;
    case 'invalid_union':
      return fr ? 'ne correspond à aucune des formes attendues' : 'matches none of the expected forms';
    case 'invalid_key':
      return fr ? 'a une clé invalide' : 'has an invalid key';
    case 'invalid_element':
      return fr ? 'contient un élément invalide' : 'contains an invalid item';
    case 'not_multiple_of':
      return fr ? `doit être un multiple de ${String(issue.divisor)}` : `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return fr ? 'est un champ inconnu' : 'is an unknown field';
    case 'custom':
      return fr ? 'n’est pas valide' : 'is not valid';
  }
}

/** `address.postcode`, `questions[2].id`; empty for the whole input. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${String(key)}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}

/**
 * Turns zod issues into plain-word issues, in French (default) or English.
 * An unknown field is reported at its own path (`site.colour: est un champ
 * inconnu`); a wrong format or value says what was received.
 */
export function describeIssues(issues: readonly Issue[], locale: Locale = 'fr'): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), message: generic(issue, locale), code: issue.code });
      continue;
    }
    const words = keyed[locale][issue.message];
    let message = words ? words(issue) : generic(issue, locale);
    const showsInput = issue.code === 'invalid_format' || issue.code === 'invalid_value' || (issue.code === 'invalid_type' && issue.input !== undefined);
    if (showsInput && issue.input !== undefined) message += locale === 'fr' ? ` (reçu ${quote(issue.input, locale)})` : ` (got ${quote(issue.input, locale)})`;
    out.push({ path: formatPath(issue.path), message, code: words ? issue.message : issue.code });
  }
  return out;
}

/** The result of {@link validate}: the parsed data, or the issues in plain words. */
export type ValidationResult<T> = { success: true; data: T } | { success: false; issues: ValidationIssue[] };

/**
 * Validates an input against a schema without throwing. Defaults are filled in
 * (`schemaVersion`, empty lists); unknown fields are errors, never dropped.
 */
export function validate<S extends z.core.$ZodType>(schema: S, input: unknown, options: { locale?: Locale } = {}): ValidationResult<z.output<S>> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: describeIssues(result.error.issues, options.locale ?? 'fr') };
}

/** Like {@link validate}, but throws a {@link ValidationError} listing every issue. */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, input: unknown, options: { locale?: Locale; what?: string } = {}): z.output<S> {
  const result = validate(schema, input, options);
  if (!result.success) throw new ValidationError(result.issues, options.what);
  return result.data;
}
