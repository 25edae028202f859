/**
 * Small-group suppression with complementary suppression.
 *
 * The rule, for a list of cells that may be added up (the options of a
 * single-choice question, whose counts sum to the respondents shown; or the
 * groups of a breakdown whose total is shown):
 * 1. primary: every cell with `0 < count < threshold` is suppressed (a zero
 *    is shown: it describes nobody);
 * 2. complementary: when the cells add up to a shown total, the suppressed
 *    cells must not be recoverable by subtraction, nor narrowed to a small
 *    group: while fewer than 2 cells are suppressed, or the suppressed cells
 *    add up to less than `threshold`, the smallest non-zero shown cell is
 *    suppressed too (ties: the last one in the list);
 * 3. if that cannot be done (every non-zero cell is already suppressed and
 *    their sum is still under the threshold), the caller must suppress the
 *    total, which it does when the total itself is under the threshold.
 *
 * Cells that do not add up to a total (multiple-choice options, where a
 * person may tick several) take step 1 only.
 */
export function suppressedCells(counts: readonly number[], threshold: number, additive: boolean): boolean[] {
  const hidden = counts.map((n) => n > 0 && n < threshold);
  if (!additive || !hidden.some(Boolean)) return hidden;
  const sumHidden = (): number => counts.reduce((sum, n, i) => (hidden[i] ? sum + n : sum), 0);
  const hiddenCount = (): number => hidden.filter(Boolean).length;
  while (hiddenCount() < 2 || sumHidden() < threshold) {
    let pick = -1;
    counts.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (pick < 0 || n <= (counts[pick] ?? 0))) pick = i;
    });
    if (pick < 0) break;
    hidden[pick] = true;
  }
  return hidden;
}
