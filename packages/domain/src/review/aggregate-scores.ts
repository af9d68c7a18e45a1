/** Summary of the experts' totals for one application. */
export type ScoreAggregate = {
  count: number;
  mean: number | null;
  /** Mean without the single highest and lowest total when there are ≥ 4 totals; else the mean. */
  trimmedMean: number | null;
  /** The figure the application is ranked by: `trimmedMean` when `trimmed`, else `mean`. */
  score: number | null;
  min: number | null;
  max: number | null;
  /** max − min: how far apart the experts are. */
  spread: number | null;
  /** Population standard deviation: the experts on an application are all of its reviewers, not a sample. */
  stdDev: number | null;
  /** spread > dispersionThreshold: the office should look at the sheets (or ask for a further review). */
  dispersed: boolean;
};

/** Below 4 totals, dropping two would leave too little to average (one or none). */
const MIN_TOTALS_TO_TRIM = 4;

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Aggregates the experts' weighted totals (0–100) for one application: mean, trimmed mean (the
 * highest and lowest dropped when there are at least 4, so one lenient or harsh expert cannot
 * decide alone), range, spread and standard deviation, and a dispersion flag when the spread
 * exceeds `dispersionThreshold` points. Figures are rounded to 2 decimals; with no totals every
 * figure is null and nothing is flagged.
 */
export function aggregateScores(
  totals: readonly number[],
  opts: { trimmed: boolean; dispersionThreshold: number },
): ScoreAggregate {
  if (totals.some((total) => !Number.isFinite(total))) throw new RangeError("totals must be finite numbers");
  const count = totals.length;
  if (count === 0) {
    return {
      count,
      mean: null,
      trimmedMean: null,
      score: null,
      min: null,
      max: null,
      spread: null,
      stdDev: null,
      dispersed: false,
    };
  }
  const sorted = [...totals].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  const mean = sum / count;
  const trimmedMean =
    count >= MIN_TOTALS_TO_TRIM
      ? (sum - (sorted[0] as number) - (sorted[count - 1] as number)) / (count - 2)
      : mean;
  const min = sorted[0] as number;
  const max = sorted[count - 1] as number;
  const variance = sorted.reduce((total, value) => total + (value - mean) ** 2, 0) / count;
  const spread = round2(max - min);
  return {
    count,
    mean: round2(mean),
    trimmedMean: round2(trimmedMean),
    score: round2(opts.trimmed ? trimmedMean : mean),
    min,
    max,
    spread,
    stdDev: round2(Math.sqrt(variance)),
    dispersed: spread > opts.dispersionThreshold,
  };
}
