/**
 * CSV-level import issues shared by the CSV importers.
 *
 * @module
 */
import type { CsvProblem } from './csv.js';
import type { IssueList } from './issues.js';

/** Reports the quoting problems the CSV reader met. */
export function reportCsvProblems(problems: readonly CsvProblem[], issues: IssueList): void {
  for (const problem of problems) {
    if (problem.code === 'csv.quote.unclosed') {
      issues.add(problem.row, '', 'error', problem.code, {
        en: 'A quote (") opened in this row is never closed: the rest of the file was read as one field.',
        fr: 'Un guillemet (") ouvert dans cette ligne n’est jamais fermé\u00a0: la suite du fichier a été lue comme un seul champ.',
      });
    } else {
      issues.add(problem.row, '', 'warning', problem.code, {
        en: 'Text follows a closing quote in this row; it is kept as part of the field.',
        fr: 'Du texte suit un guillemet fermant dans cette ligne\u00a0; il est gardé dans le champ.',
      });
    }
  }
}

/**
 * Checks a record's length against the header. A blank line gives an info;
 * a record with another number of fields gives an error (its cells cannot be
 * matched to columns). Returns whether the record can be read.
 */
export function reportColumnCount(record: readonly string[] | null, expected: number, row: number, issues: IssueList): record is readonly string[] {
  if (record === null) {
    issues.add(row, '', 'info', 'csv.blank', { en: 'Blank line ignored.', fr: 'Ligne vide ignorée.' });
    return false;
  }
  if (record.length !== expected) {
    issues.add(row, '', 'error', 'csv.columns', {
      en: `The row has ${record.length} fields where the header has ${expected}; its cells cannot be matched to columns, the row is skipped.`,
      fr: `La ligne a ${record.length} champs alors que l’en-tête en a ${expected}\u00a0; ses cellules ne peuvent pas être rattachées aux colonnes, la ligne est ignorée.`,
    });
    return false;
  }
  return true;
}
