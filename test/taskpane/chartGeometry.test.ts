/** The fairness chart's geometry. */
import { BAR_CHART, barLength, chartDomain, pairBars } from "../../src/taskpane/components/chartGeometry";

describe("chartDomain", () => {
  it.each<[number[], number]>([
    [[0.31, 0.27], 0.4],
    [[0.4, 0.2], 0.4],
    [[0.01], 0.1],
    [[], 0.1],
    [[0, 0], 0.1],
    [[0.95, 1.2], 1],
    [[Number.NaN, 0.52], 0.6],
  ])("%p → %p", (values, domain) => {
    expect(chartDomain(values)).toBe(domain);
  });
});

describe("barLength", () => {
  it("scales to the chart's width, clamps, and keeps a positive value visible", () => {
    expect(barLength(0.2, 0.4)).toBe(50);
    expect(barLength(0.4, 0.4)).toBe(BAR_CHART.width);
    expect(barLength(0.9, 0.4)).toBe(BAR_CHART.width);
    expect(barLength(0, 0.4)).toBe(0);
    expect(barLength(-0.1, 0.4)).toBe(0);
    expect(barLength(Number.NaN, 0.4)).toBe(0);
    expect(barLength(0.3, 0)).toBe(0);
    expect(barLength(0.0001, 1)).toBe(0.5);
  });
});

describe("pairBars", () => {
  it("puts before above after, inside the viewBox", () => {
    const bars = pairBars(0.4, 0.2, 0.4);
    expect(bars.viewBox).toBe("0 0 100 10");
    expect(bars.before).toEqual({ x: 0, y: 0, width: 100, height: 4 });
    expect(bars.after).toEqual({ x: 0, y: 6, width: 50, height: 4 });
    expect(bars.after.y + bars.after.height).toBe(Number(bars.viewBox.split(" ")[3]));
  });
});
