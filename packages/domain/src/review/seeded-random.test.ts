import { describe, expect, it } from "vitest";
import { createSeededRandom, shuffleRanks } from "./seeded-random";

describe("createSeededRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
  });

  it("yields floats in [0, 1) spread over the interval", () => {
    const random = createSeededRandom(7);
    const values = Array.from({ length: 10_000 }, random);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe("shuffleRanks", () => {
  it("gives each item a distinct rank, deterministically", () => {
    const ranks = shuffleRanks(50, createSeededRandom(1));
    expect([...ranks].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffleRanks(50, createSeededRandom(1))).toEqual(ranks);
    expect(shuffleRanks(50, createSeededRandom(2))).not.toEqual(ranks);
    expect(shuffleRanks(0, createSeededRandom(1))).toEqual([]);
  });
});
