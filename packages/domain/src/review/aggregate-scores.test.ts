import { describe, expect, it } from "vitest";
import { aggregateScores } from "./aggregate-scores";

const opts = { trimmed: true, dispersionThreshold: 20 };

describe("aggregateScores", () => {
  it("returns nulls and no flag without totals", () => {
    expect(aggregateScores([], opts)).toEqual({
      count: 0,
      mean: null,
      trimmedMean: null,
      score: null,
      min: null,
      max: null,
      spread: null,
      stdDev: null,
      dispersed: false,
    });
  });

  it("summarises one total", () => {
    expect(aggregateScores([72.5], opts)).toEqual({
      count: 1,
      mean: 72.5,
      trimmedMean: 72.5,
      score: 72.5,
      min: 72.5,
      max: 72.5,
      spread: 0,
      stdDev: 0,
      dispersed: false,
    });
  });

  it("does not trim fewer than 4 totals", () => {
    const result = aggregateScores([60, 70, 95], opts);
    expect(result.mean).toBe(75);
    expect(result.trimmedMean).toBe(75);
    expect(result.score).toBe(75);
  });

  it("drops the single highest and lowest from 4 or more totals", () => {
    const result = aggregateScores([90, 40, 70, 80, 60], opts);
    expect(result).toMatchObject({
      count: 5,
      mean: 68,
      trimmedMean: 70,
      score: 70,
      min: 40,
      max: 90,
      spread: 50,
    });
    expect(result.stdDev).toBe(17.2); // population: sqrt(296)
    expect(aggregateScores([50, 50, 50, 90], opts).trimmedMean).toBe(50);
  });

  it("ranks by the plain mean when not trimmed", () => {
    const result = aggregateScores([90, 40, 70, 80, 60], { ...opts, trimmed: false });
    expect(result.score).toBe(68);
    expect(result.trimmedMean).toBe(70);
  });

  it("flags dispersion only above the threshold", () => {
    expect(aggregateScores([60, 80], opts).dispersed).toBe(false);
    expect(aggregateScores([60, 80.5], opts).dispersed).toBe(true);
    expect(aggregateScores([60, 80.5], { ...opts, dispersionThreshold: 30 }).dispersed).toBe(false);
  });

  it("rounds to 2 decimals and does not reorder the caller's array", () => {
    const totals = [70, 71, 71];
    const result = aggregateScores(totals, opts);
    expect(result.mean).toBe(70.67);
    expect(result.stdDev).toBe(0.47);
    expect(totals).toEqual([70, 71, 71]);
  });

  it("refuses totals that are not numbers", () => {
    expect(() => aggregateScores([70, Number.NaN], opts)).toThrow(RangeError);
  });
});
