/**
 * Proposal sheet names: one sheet or one per region, a run suffix at the end, 31 characters at most, unique,
 * in both languages; the newest run's set found from the names alone.
 */
import fc from "fast-check";
import { freeRunSuffix, newestRun, parseProposalName, proposalRuns, regionLabel, regionSheetNames } from "../../../src/engine/report/proposalNames";

test("names parse into period, region part and run suffix, in both languages", () => {
  expect(parseProposalName("Fairshare Proposal 2026-10")).toEqual({ period: "2026-10", label: null, suffix: "" });
  expect(parseProposalName("Fairshare Proposal 2026-10 #3")).toEqual({ period: "2026-10", label: null, suffix: " #3" });
  expect(parseProposalName("Fairshare Proposal 2026-10 East")).toEqual({ period: "2026-10", label: "East", suffix: "" });
  expect(parseProposalName("Fairshare 调整建议 2026-10 华东大区 #2")).toEqual({ period: "2026-10", label: "华东大区", suffix: " #2" });
  expect(parseProposalName("Fairshare Fairness 2026-10")).toBeNull();
  expect(parseProposalName("Fairshare Proposal")).toBeNull();
});

/** A workbook's tabs after three runs (one per region twice), with other sheets between. */
const TABS = [
  "Reps",
  "Fairshare Proposal 2026-09",
  "Fairshare Proposal 2026-10 East",
  "Fairshare Proposal 2026-10 West",
  "Fairshare Fairness 2026-10",
  "Fairshare Proposal 2026-10 East #2",
  "My notes",
  "Fairshare Proposal 2026-10 West #2",
];

test("the newest run is the last proposal sheet's period and suffix, whatever sits between", () => {
  const names = TABS;
  expect(newestRun(names)).toEqual(["Fairshare Proposal 2026-10 East #2", "Fairshare Proposal 2026-10 West #2"]);
  expect(newestRun(names, "2026-09")).toEqual(["Fairshare Proposal 2026-09"]);
  expect(newestRun(names.slice(0, 5), "2026-10")).toEqual(["Fairshare Proposal 2026-10 East", "Fairshare Proposal 2026-10 West"]);
  expect(newestRun(["Fairshare Proposal (copy)"])).toEqual(["Fairshare Proposal (copy)"]);
  expect(newestRun(["Reps"])).toEqual([]);
  expect(freeRunSuffix(names, "2026-10")).toBe(" #3");
  expect(freeRunSuffix(["Fairshare 调整建议 2026-10"], "2026-10")).toBe(" #2");
  expect(freeRunSuffix(names, "2026-11")).toBe("");
});

test("region parts: characters Excel refuses and '#' go; cut to the room left and numbered when two would clash", () => {
  expect(regionLabel("North/East [HQ]")).toBe("North-East -HQ-");
  expect(regionLabel(" 'Sales #1' ")).toBe("Sales 1");
  expect(regionLabel("")).toBe("-");
  expect(regionSheetNames("en-US", "2026-10", "", ["East", "North", "Northeast", "Nort"], [])).toEqual([
    "Fairshare Proposal 2026-10 East",
    "Fairshare Proposal 2026-10 Nort",
    "Fairshare Proposal 2026-10 Nor2",
    "Fairshare Proposal 2026-10 Nor3",
  ]);
  expect(regionSheetNames("zh-CN", "2026-10", " #2", ["华东大区", "华东大区销售一部", "华东大区销售二部"], [])).toEqual([
    "Fairshare 调整建议 2026-10 华东大区 #2",
    "Fairshare 调整建议 2026-10 华东大区销 #2",
    "Fairshare 调整建议 2026-10 华东大区2 #2",
  ]);
  // A name already in the workbook (case-insensitive) is not taken again.
  expect(regionSheetNames("en-US", "2026-10", "", ["East"], ["fairshare proposal 2026-10 east"])).toEqual(["Fairshare Proposal 2026-10 Eas2"]);
  // English from run #10 on leaves no room: the caller writes one sheet.
  expect(regionSheetNames("en-US", "2026-10", " #10", ["East"], [])).toBeNull();
});

test("any regions get valid, unique names of at most 31 characters that parse back to their run", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.string({ minLength: 0, maxLength: 40 }), { maxLength: 12 }), fc.constantFrom("", " #2", " #9"), fc.constantFrom("en-US" as const, "zh-CN" as const), (regions, suffix, locale) => {
      const names = regionSheetNames(locale, "2026-10", suffix, regions, []);
      if (!names) return;
      expect(names).toHaveLength(regions.length);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      for (const n of names) {
        expect(n.length).toBeLessThanOrEqual(31);
        expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$/);
        expect(parseProposalName(n)).toMatchObject({ period: "2026-10", suffix });
      }
      if (regions.length) expect(newestRun(names)).toEqual(names);
    }),
  );
});

test("every run's proposal, oldest first, each run's sheets in tab order; the last is the newest run", () => {
  // A Chinese run's sheet among them, before the last English one.
  const names = [...TABS.slice(0, 6), "Fairshare 调整建议 2026-10 #3", ...TABS.slice(6)];
  expect(proposalRuns(names)).toEqual([
    ["Fairshare Proposal 2026-09"],
    ["Fairshare Proposal 2026-10 East", "Fairshare Proposal 2026-10 West"],
    ["Fairshare 调整建议 2026-10 #3"],
    ["Fairshare Proposal 2026-10 East #2", "Fairshare Proposal 2026-10 West #2"],
  ]);
  expect(proposalRuns(["Reps", "Fairshare Fairness 2026-10"])).toEqual([]);
});

test("property: the runs hold each proposal sheet once, and the last run is newestRun's", () => {
  const name = fc.record({
    month: fc.constantFrom("2026-09", "2026-10"),
    region: fc.constantFrom("", " East", " West"),
    suffix: fc.constantFrom("", " #2", " #3"),
    other: fc.boolean(),
  }).map(({ month, region, suffix, other }) => (other ? `Sheet ${month}${region}` : `Fairshare Proposal ${month}${region}${suffix}`));
  fc.assert(
    fc.property(fc.uniqueArray(name, { maxLength: 12 }), (names) => {
      const runs = proposalRuns(names);
      expect(runs.flat().sort()).toEqual(names.filter((n) => n.startsWith("Fairshare Proposal")).sort());
      expect(runs.length ? runs[runs.length - 1] : []).toEqual(newestRun(names));
    })
  );
});
