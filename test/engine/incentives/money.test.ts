import fc from "fast-check";
import { decimalRatio, shareOf, splitExact } from "../../../src/engine/incentives/money";

describe("decimalRatio: a rate as the decimal it was typed as", () => {
  test.each([
    [0.2, 2n, 10n],
    [0.7, 7n, 10n],
    [0.125, 125n, 1000n],
    [1, 1n, 1n],
    [1e-7, 1n, 10000000n],
    [0, 0n, 1n],
  ])("%p → %p / %p", (rate, num, den) => {
    expect(decimalRatio(rate)).toEqual({ num, den });
  });
  test("a negative rate is a bug", () => expect(() => decimalRatio(-0.1)).toThrow(RangeError));
});

describe("splitExact: largest remainder, parts add up to the whole", () => {
  test("hand-worked: 100 cents in thirds → 34, 33, 33 (equal remainders: the earlier part first)", () => {
    expect(splitExact(100, [1n, 1n, 1n])).toEqual([34, 33, 33]);
  });
  test("hand-worked: 5,000,007 at 20% → 1,000,001.4 share, 4,000,005.6 rest: the rest has the larger remainder", () => {
    expect(shareOf(5000007, 0.2)).toEqual({ share: 1000001, rest: 4000006 });
  });
  test("hand-worked: an exact half cent stays with the rest: 5 cents at 50% → 2 share, 3 rest; a refund mirrors it", () => {
    expect(shareOf(5, 0.5)).toEqual({ share: 2, rest: 3 });
    expect(shareOf(-5, 0.5)).toEqual({ share: -2, rest: -3 });
  });

  test("property: whole cents, the exact sum, each part within one cent of its exact share, refunds mirror sales", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }), (total, ws) => {
        const weights = ws.map(BigInt);
        const parts = splitExact(total, weights);
        const sum = ws.reduce((s, w) => s + w, 0);
        if (sum === 0) return parts.every((p) => p === 0);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(Math.abs(p - (total * ws[i]) / sum)).toBeLessThan(1 + 1e-6 * Math.abs(total));
        });
        expect(splitExact(-total, weights).map((p) => -p + 0)).toEqual(parts.map((p) => p + 0));
      }),
    );
  });
});
