/**
 * The task pane in real Chromium: the playground (src/playground/) built and served on a free port,
 * the real pane and Office.js adapter over the fake Excel host, in en-US and zh-CN, at 320 and 450 px.
 * Screenshots of every step go to test-artifacts/; FAIRSHARE_DOCS_SCREENSHOT=1 also refreshes
 * docs/playground.png.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { DECISIONS, PROPOSAL_COLUMNS } from "../../src/engine/report/allocationSheets";
import { RUN_STOPPED_MARK } from "../../src/taskpane/worker/workerActions";
import { stepKey } from "../../src/taskpane/hooks/allocationRun";
import { installRunProbe, pressCancelWhileWorkerComputes, runProbeResults } from "./runProbe";
import { parseAuditLog, pastMoves } from "../../src/engine/allocation/audit";
import { ruleIdOf } from "../../src/engine/allocation/ruleNames";
import { SHEET_BASES, sheetKind } from "../../src/engine/report/labels";
import { SCHEMA } from "../../src/engine/schema";
import { REGISTRY } from "../../src/engine/settings";
import { translator, type PaneLocale } from "../../src/taskpane/i18n/locale";
import { settingLabel } from "../../src/taskpane/i18n/settingLabels";
import type { PlaygroundHook } from "../../src/playground/index";
import type { CellValue } from "../../src/fakes/fakeExcel";
import { toSerial } from "../../src/fakes/fakeExcel";
import { collectPageErrors, launchChromium, requireChromium, servedPlayground, type LaunchedChromium, type ServedPlayground } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const VIEWPORT = { width: 1280, height: 800 };
/** A step of the pane (reading 40,000 sales rows, writing the allocation sheets) may take a while. */
const STEP_TIMEOUT = 60_000;

let served: ServedPlayground;

beforeAll(async () => {
  requireChromium(); // before the build: say what is missing at once
  served = await servedPlayground();
}, 300_000);

afterAll(async () => {
  await served?.dispose();
});

/** The page's test hook (see src/playground/index.tsx). */
async function hookValues(page: Page, sheet: string): Promise<CellValue[][]> {
  return page.evaluate((name) => (window as unknown as { __fairshare: PlaygroundHook }).__fairshare.values(name), sheet);
}

async function hookSheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __fairshare: PlaygroundHook }).__fairshare.sheetNames());
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A sheet's cells as the fake host reads them: dates as serials, empty as "", trailing blanks trimmed. */
function trimmed(rows: CellValue[][]): CellValue[][] {
  const out = rows.map((row) => {
    const r = [...row];
    while (r.length && r[r.length - 1] === "") r.pop();
    return r;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe("the playground's workbook", () => {
  let browser: LaunchedChromium;
  beforeAll(async () => {
    browser = await launchChromium(VIEWPORT);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("is examples/sample-team.xlsx, cell for cell", async () => {
    const { page } = browser;
    await page.goto(served.url);
    await page.waitForFunction(() => "__fairshare" in window);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(ROOT, "examples/sample-team.xlsx"));
    expect(await hookSheetNames(page)).toEqual(book.worksheets.map((ws) => ws.name));
    for (const ws of book.worksheets) {
      const expected: CellValue[][] = [];
      const columnCount = ws.columnCount; // computed over all rows on every read
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const cells: CellValue[] = [];
        for (let c = 1; c <= columnCount; c++) {
          const v = row.getCell(c).value;
          cells.push(v === null || v === undefined ? "" : v instanceof Date ? toSerial(v) : (v as CellValue));
        }
        expected[r - 1] = cells;
      });
      const filled = Array.from(expected, (row) => row ?? []);
      expect({ sheet: ws.name, rows: trimmed(await hookValues(page, ws.name)) }).toEqual({ sheet: ws.name, rows: trimmed(filled) });
    }
  });

  test("the pane's width follows ?width=, kept within 320–600 px", async () => {
    const { page } = browser;
    for (const [asked, width] of [["900", 600], ["10", 320], ["abc", 350], ["512", 512]] as const) {
      await page.goto(`${served.url}?width=${asked}`);
      await page.getByTestId("pane").getByRole("heading", { level: 1 }).waitFor();
      expect({ asked, width: (await page.getByTestId("pane").boundingBox())?.width }).toEqual({ asked, width });
    }
  });

  test("a cell typed in the grid reaches the host as Excel reads typing; Escape cancels", async () => {
    const { page } = browser;
    const grid = page.getByTestId("grid");
    await grid.getByRole("tab", { name: "Reps", exact: true }).click();
    const cell = grid.getByRole("row").nth(2).getByRole("cell").nth(7); // H2: a quota
    const before = (await hookValues(page, "Reps"))[1][7];
    await cell.dblclick();
    await grid.getByRole("textbox", { name: "H2" }).fill("1,234.5");
    await grid.getByRole("textbox", { name: "H2" }).press("Escape");
    expect((await hookValues(page, "Reps"))[1][7]).toBe(before);
    await cell.dblclick();
    await grid.getByRole("textbox", { name: "H2" }).fill("1,234.5");
    await grid.getByRole("textbox", { name: "H2" }).press("Enter");
    await cell.filter({ hasText: "1,234.5" }).waitFor();
    expect((await hookValues(page, "Reps"))[1][7]).toBe(1234.5); // a number, as Excel makes of typed "1,234.5"
  });
});

/**
 * docs/playground.png for the README: a wider window, the pane's steps and its Run allocation results, the grid
 * at the proposal's Decision column with the two approvals. Then the window is as before.
 */
async function docsScreenshot(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 900 });
  // The pane from its top: the steps with their states, then the Run step's results.
  await page.getByTestId("pane").getByRole("tablist").evaluate((el) => el.scrollIntoView({ block: "end" }));
  await page.getByTestId("grid").locator("select").first().evaluate((el) => el.scrollIntoView({ block: "nearest", inline: "end" }));
  fs.mkdirSync(path.join(ROOT, "docs"), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, "docs/playground.png") });
  await page.setViewportSize(VIEWPORT);
}

/** Locale, pane width, and whether the host reports a touch device (?touch=1, as Excel on iPad). */
const SCENARIOS: ReadonlyArray<[PaneLocale, number, boolean]> = [
  ["en-US", 320, false],
  ["en-US", 450, false],
  ["zh-CN", 320, false],
  ["zh-CN", 450, true],
];

describe.each(SCENARIOS)("the pane in %s at %i px (touch device: %s)", (locale, width, touch) => {
  const t = translator(locale);
  const names = SHEET_BASES[locale];
  const proposalTab = new RegExp(`^${escapeRegExp(names.proposal)} \\d{4}-\\d{2}$`);
  let browser: LaunchedChromium;
  let page: Page;
  let errors: string[];
  let pane: Locator;
  let grid: Locator;
  let proposalSheet = "";
  const approved: { proposalId: string; accountId: string; to: string }[] = [];

  const RULE_LABEL = settingLabel("stagnationMonths", locale);
  const shot = async (step: string): Promise<string> => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `playground-${locale}-${width}-${step}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  const tab = (name: string | RegExp) => grid.getByRole("tab", { name, exact: typeof name === "string" });
  /** Opens one of the pane's steps by its tab (named by its title, then its state). */
  const goTo = (title: "sectionData" | "sectionRules" | "sectionRun" | "sectionReview" | "sectionStatements") =>
    pane.getByRole("tab", { name: new RegExp(`^${escapeRegExp(t(title))}`) }).click();

  beforeAll(async () => {
    browser = await launchChromium(VIEWPORT);
    page = browser.page;
    page.setDefaultTimeout(STEP_TIMEOUT);
    errors = collectPageErrors(page);
    pane = page.getByTestId("pane");
    grid = page.getByTestId("grid");
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("loads: the pane, in its language and width, finds Reps, Accounts and Sales", async () => {
    await page.goto(`${served.url}?lang=${locale}&width=${width}${touch ? "&touch=1" : ""}`);
    await pane.getByRole("heading", { name: t("appTitle"), level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
    expect((await pane.boundingBox())?.width).toBe(width);
    await pane.getByRole("heading", { name: t("sheetsHeading") }).waitFor();
    await pane.locator("dd", { hasText: "Sales" }).waitFor();
    const found = await pane.locator("dd").allTextContents();
    expect(found).toEqual(expect.arrayContaining(["Reps", "Accounts", "Sales"]));
    const sheets = await hookSheetNames(page);
    expect(await grid.getByRole("tab").count()).toBe(sheets.length);
    for (const sheet of sheets) await tab(sheet).waitFor();
    await shot("1-loaded");
  });

  test("Check data adds the Data Check and Portfolio sheets to the grid", async () => {
    await pane.getByRole("button", { name: t("checkData") }).click();
    await tab(names.dataCheck).waitFor();
    await tab(names.portfolio).waitFor();
    await pane.getByRole("heading", { name: t("summaryHeading"), exact: true }).waitFor();
    expect(await tab(names.dataCheck).getAttribute("aria-selected")).toBe("true");
    await shot("2-checked");
  });

  /** The settings sheet's Value for a key, as the host holds it (null when the row is missing). */
  const settingValue = async (key: string) => {
    const rows = await hookValues(page, "Fairshare Settings");
    const row = rows.find((r) => r[0] === key);
    return row ? row[1] : null;
  };

  test("a column mapping fixed with its dropdown is saved to the settings sheet", async () => {
    const reps = SCHEMA.find((r) => r.role === "reps")!;
    const branch = reps.fields.find((f) => f.key === "branch")!.label[locale];
    await pane.locator("summary", { hasText: t("columnsOf", { role: reps.label[locale], found: "", total: "" }).split(/[(（]/)[0].trim() }).first().click();
    // Several roles have a field of the same name: the dropdown's name says whose column it is.
    await pane.getByRole("combobox", { name: t("columnOfRole", { field: branch, role: reps.label[locale] }), exact: true }).click();
    await page.getByRole("option", { name: "Manager", exact: true }).click();
    await page.waitForFunction((k) => {
      const rows = (window as unknown as { __fairshare: PlaygroundHook }).__fairshare.values("Fairshare Settings");
      return rows.some((r) => r[0] === k && r[1] === "Manager");
    }, "column.reps.branch");
    expect(await settingValue("column.reps.branch")).toBe("Manager");
    await shot("2b-mapping");
  });

  test("a rule changed in the Rules section is saved to the settings sheet", async () => {
    await goTo("sectionRules");
    // No setting key anywhere in the step, advanced settings opened too: every setting reads in words.
    const closed = pane.getByRole("tabpanel").locator("details:not([open]) > summary");
    while ((await closed.count()) > 0) await closed.first().click();
    const words = await pane.getByRole("tabpanel").innerText();
    const keyLike = REGISTRY.defs.map((d) => d.key.replace(/\.\*$/, "")).filter((k) => /[A-Z.]/.test(k));
    expect(keyLike.filter((k) => new RegExp(`(^|[^\\w.])${escapeRegExp(k)}(?![\\w])`).test(words))).toEqual([]);
    const box = pane.getByRole("textbox", { name: t("percentLabel", { key: settingLabel("releaseShare", locale) }), exact: true });
    await box.fill("40");
    await pane.getByRole("button", { name: t("saveRules"), exact: true }).click();
    await pane.getByText(t("rulesSaved")).waitFor();
    expect(await settingValue("releaseShare")).toBe(0.4);
    await shot("2c-rule");
  });

  test("Run allocation saves an unsaved rule edit first, and adds the proposal, shown with its Decision dropdowns", async () => {
    const box = pane.getByRole("textbox", { name: RULE_LABEL, exact: true });
    await box.fill("4");
    await goTo("sectionRun");
    await pane.getByText(t("runSavesRules", { count: 1 })).waitFor();
    // A double-click runs once: the proposal is this page's first run (ids P<period>-1-…), on one sheet.
    await pane.getByRole("button", { name: t("runAllocation") }).dblclick();
    await tab(proposalTab).waitFor();
    proposalSheet = (await tab(proposalTab).textContent()) ?? "";
    expect(await tab(proposalSheet).getAttribute("aria-selected")).toBe("true");
    await pane.getByText(t("sheetsWritten", { sheets: "" }).trim(), { exact: false }).last().waitFor();
    const decisions = grid.locator("select");
    expect(await decisions.count()).toBeGreaterThan(2);
    expect(await settingValue("stagnationMonths")).toBe(4);
    await pane.locator("button:enabled", { hasText: t("runAllocation") }).waitFor();
    expect(await tab(proposalTab).count()).toBe(1);
    const ids = (await hookValues(page, proposalSheet)).map((r) => String(r[0])).filter((v) => /^P\d{6}-\d+-\d+$/.test(v));
    expect(ids.length).toBeGreaterThan(2);
    expect(ids.filter((id) => !/^P\d{6}-1-/.test(id))).toEqual([]);
    await shot("3-proposal");

    // Two more runs before any decision: each replaces the first run's sheets, in place.
    const sheetsAfterOne = await hookSheetNames(page);
    for (let i = 0; i < 2; i++) {
      await pane.getByRole("button", { name: t("runAllocation") }).click();
      await pane.locator("button:enabled", { hasText: t("runAllocation") }).waitFor();
    }
    expect(await hookSheetNames(page)).toEqual(sheetsAfterOne);
  });

  test("two rows approved in the grid are applied and logged", async () => {
    const approve = DECISIONS[locale][0];
    const decisions = grid.locator("select");
    const addresses: string[] = [];
    for (const i of [0, 1]) {
      const select = decisions.nth(i);
      await select.selectOption(approve);
      addresses.push((await select.getAttribute("aria-label")) ?? "");
    }
    // The grid writes through Excel.run; wait until the host holds both decisions.
    const rows = addresses.map((a) => Number(/\d+$/.exec(a)![0]) - 1);
    await page.waitForFunction(
      ({ sheet, rows, approve }) => {
        const values = (window as unknown as { __fairshare: PlaygroundHook }).__fairshare.values(sheet);
        return rows.every((r) => values[r].includes(approve));
      },
      { sheet: proposalSheet, rows, approve }
    );
    const proposal = await hookValues(page, proposalSheet);
    const header = proposal[rows[0] - 1].map(String);
    const column = (key: (typeof PROPOSAL_COLUMNS)[number]["key"]) => {
      const spec = PROPOSAL_COLUMNS.find((c) => c.key === key)!;
      const index = header.indexOf(locale === "zh-CN" ? spec.zh : spec.en);
      expect(index).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(rows.map((r) => proposal[r][column("decision")])).toEqual([approve, approve]);
    for (const r of rows) {
      approved.push({ proposalId: String(proposal[r][column("proposalId")]), accountId: String(proposal[r][column("accountId")]), to: String(proposal[r][column("to")]) });
    }
    await decisions.nth(0).scrollIntoViewIfNeeded();
    const approvedShot = await shot("4-approved");
    if (process.env.FAIRSHARE_DOCS_SCREENSHOT === "1" && locale === "en-US" && width === 450) await docsScreenshot(page);
    expect(fs.existsSync(approvedShot)).toBe(true);

    await goTo("sectionReview");
    const count = (key: "countApproved" | "countPending") => pane.locator("dt", { hasText: t(key) }).locator("xpath=following-sibling::dd[1]");
    await count("countApproved").filter({ hasText: /^2$/ }).waitFor();
    // With the step open, a third approval in the grid shows in the counts by itself (Excel's change
    // event on the proposal sheet), with no Refresh.
    const third = decisions.nth(2);
    const thirdRow = Number(/\d+$/.exec((await third.getAttribute("aria-label")) ?? "")![0]) - 1;
    const pendingBefore = Number((await count("countPending").textContent())?.replace(/\D/g, ""));
    await third.selectOption(approve);
    await count("countApproved").filter({ hasText: /^3$/ }).waitFor();
    expect(Number((await count("countPending").textContent())?.replace(/\D/g, ""))).toBe(pendingBefore - 1);
    {
      const p = await hookValues(page, proposalSheet);
      approved.push({ proposalId: String(p[thirdRow][0]), accountId: String(p[thirdRow][1]), to: String(p[thirdRow][4]) });
    }

    // Apply without an approver's name is refused, with the reason, and writes nothing.
    const sheetsBefore = await hookSheetNames(page);
    await pane.getByRole("button", { name: t("applyApproved") }).click();
    await pane.getByText(t("applyNeedsApprover")).waitFor();
    expect(await hookSheetNames(page)).toEqual(sheetsBefore);
    expect(await pane.getByRole("textbox", { name: t("approverLabel") }).evaluate((el) => el === document.activeElement)).toBe(true);

    // The name is asked once and kept in the settings sheet; Apply writes it beside each decision.
    await pane.getByRole("textbox", { name: t("approverLabel") }).fill("Mei Lin");

    // Bulk approval of one rule: the count is on the button before the click, and exactly those rows
    // of that rule (with a recipient, still undecided) are approved and signed.
    const ruleColumn = PROPOSAL_COLUMNS.findIndex((c) => c.key === "rule");
    const toColumn = PROPOSAL_COLUMNS.findIndex((c) => c.key === "to");
    const decisionColumn = PROPOSAL_COLUMNS.findIndex((c) => c.key === "decision");
    const approverColumn = PROPOSAL_COLUMNS.findIndex((c) => c.key === "approver");
    const proposalRows = (values: CellValue[][]) => values.filter((r) => /^P\d{6}-\d+-\d+$/.test(String(r[0])));
    const beforeBulk = proposalRows(await hookValues(page, proposalSheet));
    const pickRule = pane.getByRole("combobox", { name: t("bulkKindRule"), exact: true });
    const ruleValue = await pickRule.inputValue();
    // The choice's value is the rule id; a Chinese sheet names the rule in Chinese.
    const expected = beforeBulk.filter((r) => ruleIdOf(String(r[ruleColumn])) === ruleValue && r[toColumn] !== "" && r[decisionColumn] === "").map((r) => String(r[0]));
    expect(expected.length).toBeGreaterThan(0);
    await pane.getByRole("button", { name: t("bulkApprove", { count: expected.length }), exact: true }).click();
    await pane.getByText(t("bulkApproved", { count: expected.length })).waitFor();
    const afterBulk = proposalRows(await hookValues(page, proposalSheet));
    expect(afterBulk.filter((r) => r[decisionColumn] === approve && r[approverColumn] === "Mei Lin").map((r) => String(r[0])).sort()).toEqual(expected.sort());
    expect(await settingValue("approverName")).toBe("Mei Lin");
    const bulkApproved = new Set(expected);
    for (const r of afterBulk) if (bulkApproved.has(String(r[0]))) approved.push({ proposalId: String(r[0]), accountId: String(r[1]), to: String(r[toColumn]) });
    await count("countApproved").filter({ hasText: new RegExp(`^${(3 + expected.length).toLocaleString(locale).replace(/[,.]/g, "\\$&")}$`) }).waitFor();

    await pane.getByRole("button", { name: t("applyApproved") }).click();
    const applied = 3 + expected.length;
    const result = escapeRegExp(t("applyResult", { sheet: proposalSheet, applied, already: 0, rejected: 0, pending: "PENDING" })).replace("PENDING", "[\\d,]+");
    await pane.getByText(new RegExp(`^${result}$`)).waitFor();
    await tab(names.auditLog).waitFor();
    expect(await tab(names.auditLog).getAttribute("aria-selected")).toBe("true");
    await shot("5-applied");

    // Every control of the step is a comfortable target: at least 32 px tall.
    const small = await pane.getByRole("tabpanel").evaluate((panel) =>
      // A text box counts by its Fluent wrapper (the <input> inside sits within the border).
      [...panel.querySelectorAll("button, summary, [role=tab], [role=combobox], .fui-Input")]
        .map((el) => ({ name: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40), height: el.getBoundingClientRect().height }))
        .filter((c) => c.height > 0 && c.height < 32)
    );
    expect(small).toEqual([]);

    // What Apply wrote: one audit row per approved move, read back as the engine reads the log, and the
    // accounts now owned by their recipients.
    const audit = parseAuditLog({ sheet: names.auditLog, firstRow: 1, firstColumn: 1, values: await hookValues(page, names.auditLog) });
    const byId = (a: { proposalId: string }, b: { proposalId: string }) => (a.proposalId < b.proposalId ? -1 : 1);
    expect(audit.sort(byId).map((row) => [row.proposalId, row.accountId, row.to, row.approver])).toEqual([...approved].sort(byId).map((m) => [m.proposalId, m.accountId, m.to, "Mei Lin"]));
    expect(pastMoves(audit).map((m) => m.proposalId).sort()).toEqual(approved.map((m) => m.proposalId).sort());
    const [accountsHeader, ...accounts] = await hookValues(page, "Accounts");
    const owners = new Map(accounts.map((row) => [row[accountsHeader.indexOf("Account ID")], row[accountsHeader.indexOf("Owner")]]));
    expect(approved.map((m) => owners.get(m.accountId))).toEqual(approved.map((m) => m.to));
  });

  test("a rep's statement and place in the team", async () => {
    await goTo("sectionStatements");
    await pane.getByRole("button", { name: t("showStatements"), exact: true }).click();
    const picker = pane.getByRole("combobox", { name: t("repPicker"), exact: true });
    await picker.click();
    await page.getByRole("listbox").getByRole("option").first().click();
    // Only the open step: the Review step (hidden now) has a "Total" of its own.
    await pane.getByRole("tabpanel").getByText(t("totalLabel"), { exact: true }).first().waitFor();
    await shot("6-statement");
  });

  test("a rerun after decisions adds a new proposal, per region here; Review names it current, every sheet a link, and the earlier one superseded, its link showing it", async () => {
    const earlier = (await hookSheetNames(page)).filter((n) => sheetKind(n) === "proposal");
    expect(earlier).toEqual([proposalSheet]);
    // proposalPerRegion typed into the settings sheet, as a user would: one proposal sheet per region.
    const settingsRows = (await hookValues(page, "Fairshare Settings")).length;
    await page.evaluate(async (row) => {
      const hook = (window as unknown as { __fairshare: PlaygroundHook }).__fairshare;
      await hook.setCell("Fairshare Settings", row, 0, "proposalPerRegion");
      await hook.setCell("Fairshare Settings", row, 1, "on");
    }, settingsRows);
    await goTo("sectionRun");
    await pane.getByRole("button", { name: t("runAllocation"), exact: true }).click();
    await pane.locator("button:enabled", { hasText: t("runAllocation") }).waitFor();
    const proposals = (await hookSheetNames(page)).filter((n) => sheetKind(n) === "proposal");
    const current = proposals.filter((n) => !earlier.includes(n));
    // The earlier proposal, which has decisions, is kept; the new run is a set of its own (" #2").
    expect(proposals.slice(0, earlier.length)).toEqual(earlier);
    expect(current.length).toBeGreaterThan(1);
    expect(current.every((n) => n.startsWith(`${proposalSheet} `) && n.endsWith(" #2"))).toBe(true);

    await goTo("sectionReview");
    const panel = pane.getByRole("tabpanel");
    const sep = t("listSeparator");
    await panel.locator("p", { hasText: t("reviewSheet", { sheets: current.join(sep) }) }).waitFor();
    for (const sheet of current) await panel.getByRole("button", { name: sheet, exact: true }).waitFor();
    const superseded = panel.getByRole("group", { name: t("reviewEarlierHeading") });
    await superseded.locator("p", { hasText: t("reviewSuperseded", { sheets: earlier.join(sep) }) }).waitFor();
    // The superseded proposal's link shows its sheet in the workbook.
    await superseded.getByRole("button", { name: earlier[0], exact: true }).click();
    await page.waitForFunction((name) => [...document.querySelectorAll("[data-testid=grid] [role=tab]")].some((el) => el.textContent === name && el.getAttribute("aria-selected") === "true"), earlier[0]);
    expect(await tab(earlier[0]).getAttribute("aria-selected")).toBe("true");
    // The last region's sheet of the current set is a link too, and shows its sheet.
    await panel.getByRole("button", { name: current[current.length - 1], exact: true }).click();
    await page.waitForFunction((name) => [...document.querySelectorAll("[data-testid=grid] [role=tab]")].some((el) => el.textContent === name && el.getAttribute("aria-selected") === "true"), current[current.length - 1]);
    await shot("7-superseded");
  });

  /** The pane's steps in order, by their titles. */
  const STEPS = ["sectionData", "sectionRules", "sectionRun", "sectionReview", "sectionStatements"] as const;

  /**
   * Opens each step in turn with every disclosure of it open, and gives what `read` finds in the page
   * then (run in the page with the pane's root element).
   */
  async function eachStep<T>(read: (root: Element) => T): Promise<{ step: (typeof STEPS)[number]; found: T }[]> {
    const out: { step: (typeof STEPS)[number]; found: T }[] = [];
    for (const step of STEPS) {
      await goTo(step);
      const closed = pane.getByRole("tabpanel").locator("details:not([open]) > summary");
      while ((await closed.count()) > 0) await closed.first().click();
      out.push({ step, found: await pane.evaluate(read) });
    }
    return out;
  }

  /**
   * What the open step puts before a reader: the pane's rendered text (the header, the tabs and the open
   * step; hidden steps are not rendered text), the options of its dropdowns, and the words only assistive
   * technology or a hover shows (aria-label, title, placeholder, alt, aria-valuetext).
   */
  const renderedWords = (root: Element): string[] => {
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
    const words = [(root as HTMLElement).innerText];
    for (const el of root.querySelectorAll("*")) {
      if (!visible(el)) continue;
      for (const a of ["aria-label", "title", "placeholder", "alt", "aria-valuetext", "aria-description"]) {
        const v = el.getAttribute(a);
        if (v) words.push(v);
      }
      if (el.tagName === "OPTION") words.push(el.textContent ?? "");
    }
    return words;
  };

  test("every step, with every disclosure open, reads in words: no setting key in its text or its labels", async () => {
    const keyLike = REGISTRY.defs.map((d) => d.key.replace(/\.\*$/, "")).filter((k) => /[A-Z.]/.test(k));
    const found = await eachStep(renderedWords);
    const keysShown = found.flatMap(({ step, found: words }) =>
      keyLike.filter((k) => words.some((w) => new RegExp(`(^|[^\\w.])${escapeRegExp(k)}(?![\\w])`).test(w))).map((key) => ({ step, key }))
    );
    expect(found.map((f) => f.found.join("").length).every((n) => n > 0)).toBe(true);
    expect(keysShown).toEqual([]);
  });

  if (locale === "zh-CN") {
    test("no untranslated word in the Chinese pane (every step, disclosures open) nor in any sheet Fairshare wrote", async () => {
      // Allowed: what comes from the workbook's own data (the input sheets' cells: names, IDs, regions,
      // column headers), the workbook's sheet names, the approver this test typed, product names, and the
      // month format people type (YYYY-MM, like "%" a notation, the same in both languages). In the sheets
      // (never in the pane) a setting key in parentheses names the Fairshare Settings row to change: the
      // keys are that sheet's row names, a contract in both languages.
      const PRODUCT_NAMES = ["Fairshare", "Excel"];
      const NOTATIONS = /\bYYYY-MM(-DD)?\b/g;
      const keyRefs = new RegExp(`[（(](${REGISTRY.defs.map((d) => escapeRegExp(d.key.replace(/\.\*$/, ""))).join("|")})(\\.[\\w.]+)?([、,，]\\s*(${REGISTRY.defs.map((d) => escapeRegExp(d.key.replace(/\.\*$/, ""))).join("|")})(\\.[\\w.]+)?)*[）)]`, "g");
      const sheets = await hookSheetNames(page);
      const inputs = sheets.filter((n) => sheetKind(n) === null && n !== "Fairshare Settings");
      const data = new Set<string>([...sheets, "Mei Lin"]);
      for (const n of inputs) for (const row of await hookValues(page, n)) for (const v of row) if (typeof v === "string" && /[A-Za-z]/.test(v)) data.add(v.trim());
      const dataValues = [...data].filter(Boolean).sort((a, b) => b.length - a.length);
      // A data value counts as a whole (not "Accounts" inside a longer word).
      const dataPattern = new RegExp(`(?<![A-Za-z0-9_])(${dataValues.map(escapeRegExp).join("|")})(?![A-Za-z0-9_])`, "g");
      /** English words (two letters or more, not part of a code such as P202610-1-001) left once data values are taken out. */
      const english = (text: string, inSheet = false) => ((inSheet ? text.replace(keyRefs, " ") : text).replace(NOTATIONS, " ").replace(dataPattern, " ").match(/(?<![A-Za-z0-9_])[A-Za-z]{2,}(?![A-Za-z0-9_])/g) ?? []).filter((w) => !PRODUCT_NAMES.includes(w));

      const untranslated: { where: string; word: string; text: string }[] = [];
      for (const { step, found } of await eachStep(renderedWords)) {
        for (const text of found) for (const line of text.split("\n")) for (const word of english(line)) untranslated.push({ where: `pane: ${t(step)}`, word, text: line.slice(0, 80) });
      }
      const written = sheets.filter((n) => sheetKind(n) !== null);
      expect(written.length).toBeGreaterThanOrEqual(9);
      for (const sheet of written) {
        (await hookValues(page, sheet)).forEach((row, r) =>
          row.forEach((v, c) => {
            if (typeof v !== "string") return;
            for (const word of english(v, true)) untranslated.push({ where: `${sheet}!R${r + 1}C${c + 1}`, word, text: v.slice(0, 80) });
          })
        );
      }
      // One entry per word and place kind, so a word missed everywhere reads once per sheet.
      const seen = new Set<string>();
      const unique = untranslated.filter((u) => {
        const k = `${u.where.split("!")[0]}|${u.word}`;
        return seen.has(k) ? false : (seen.add(k), true);
      });
      expect(unique).toEqual([]);
    });
  }

  test(`every control is a ${touch ? 44 : 32} px target, links and disclosures show keyboard focus, names are unique per step`, async () => {
    const least = touch ? 44 : 32;
    const controls = await eachStep((root) => {
      const CONTROLS = "button, a[href], [role=link], [role=button], select, input:not([type=hidden]), textarea, [role=combobox], [role=checkbox], [role=radio], [role=switch], [role=tab], summary";
      const panel = root.querySelector("[role=tabpanel]:not([hidden])")!;
      const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
      /** A name as assistive technology computes it for these controls: aria-labelledby, aria-label, a <label>, or the text. */
      const nameOf = (el: Element): string => {
        const by = el.getAttribute("aria-labelledby");
        if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim();
        const label = el.getAttribute("aria-label");
        if (label) return label.trim();
        const labels = (el as HTMLInputElement).labels;
        if (labels && labels.length) return [...labels].map((l) => l.textContent ?? "").join(" ").trim();
        return (el.textContent ?? "").trim();
      };
      /** The labelled group a control sits in (its name tells same-named controls apart), or "". */
      const groupOf = (el: Element): string => {
        const g = el.parentElement?.closest("[role=group][aria-labelledby], [role=group][aria-label], [role=region][aria-label], fieldset, section[aria-label], [role=row]");
        return g ? nameOf(g) || g.id : "";
      };
      return [...root.querySelectorAll(CONTROLS)].filter(shown).map((el) => {
        // A text box or a dropdown counts by its Fluent wrapper (the element inside sits within the border).
        const target = el.closest(".fui-Input, .fui-Select, .fui-Combobox, .fui-Dropdown, .fui-Checkbox, .fui-Radio, .fui-Switch") ?? el;
        const box = target.getBoundingClientRect();
        return {
          tag: el.tagName.toLowerCase(),
          role: el.getAttribute("role") ?? el.tagName.toLowerCase(),
          inStep: panel.contains(el),
          name: nameOf(el).slice(0, 60),
          group: groupOf(el),
          size: Math.round(Math.min(box.width, box.height) * 10) / 10,
        };
      });
    });
    const small = controls.flatMap(({ step, found }) => found.filter((c) => c.size < least).map((c) => ({ step, ...c })));
    expect(small).toEqual([]);
    const duplicates = controls.flatMap(({ step, found }) => {
      const named = found.filter((c) => c.inStep && ["button", "a", "link", "tab", "summary"].includes(c.role));
      const key = (c: (typeof named)[number]) => `${c.group}|${c.name}`;
      return named.filter((c, i) => named.findIndex((d) => key(d) === key(c)) !== i).map((c) => ({ step, name: c.name, group: c.group }));
    });
    expect(duplicates).toEqual([]);

    // Keyboard focus: Tab through each step from its tab; every link and disclosure focused on the way
    // shows a ring (an outline or a box shadow of some width), as Fluent's buttons do.
    const unringed: { step: string; name: string; outline: string; shadow: string }[] = [];
    let reached = 0;
    for (const step of STEPS) {
      await goTo(step);
      await pane.getByRole("tab", { selected: true }).focus();
      const count = await pane.getByRole("tabpanel").evaluate((panel) => panel.querySelectorAll("button, a[href], summary, input, select, textarea, [tabindex]").length);
      for (let i = 0; i <= count; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || !el.closest("[role=tabpanel]")) return null;
          const isLink = el.tagName === "A" || el.tagName === "SUMMARY" || el.getAttribute("role") === "link" || el.classList.contains("fui-Link");
          if (!isLink) return { link: false, name: "", outline: "", shadow: "", ring: true };
          const s = getComputedStyle(el);
          const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
          const shadow = s.boxShadow !== "none" && /\d*\.?\d+px/.test(s.boxShadow) && !/^(rgba?\([^)]*\) )?0px 0px( 0px)?( 0px)?$/.test(s.boxShadow);
          return { link: true, name: (el.textContent ?? "").trim().slice(0, 40), outline: `${s.outlineStyle} ${s.outlineWidth}`, shadow: s.boxShadow, ring: outline || shadow };
        });
        if (focused === null) break; // past the step's last control
        if (focused.link) reached++;
        if (!focused.ring) unringed.push({ step, name: focused.name, outline: focused.outline, shadow: focused.shadow });
      }
    }
    expect(reached).toBeGreaterThan(0);
    expect(unringed).toEqual([]);
  });

  test("the page logged no errors", () => {
    expect(errors).toEqual([]);
  });
});

/**
 * A run on a slow device: the page's CPU throttled 6× through the DevTools protocol. Chromium throttles
 * the page's main thread only: the engine's Web Worker computes at full speed (measured here: the
 * allocation stage lasts about as long at 6× as at 1×), so the throttling slows what the pane and the fake
 * host do on the page — finding, reading and writing the sheets, drawing the bar — and the sample team's
 * engine stages still last long enough (seconds at 6×) for Cancel to land while the worker computes.
 * The pointer goes to Cancel when it shows, and Cancel is pressed once the bar shows a stage the worker
 * computes (checking, allocating, evaluating), timed in the page's own clock: from the press (pointerdown,
 * which Cancel acts on) to the run stopping (the engine's worker terminated: the User Timing mark
 * RUN_STOPPED_MARK), which must be within 200 ms; the time until the pane shows "cancelled" (React's
 * commit and the browser's layout of the pane at 6×) is printed beside it. The probe and the press are
 * test/browser/runProbe.js, shared with `npm run bench:run`, which also times the page's long tasks.
 */
describe.each(["en-US", "zh-CN"] as const)("a run with the CPU throttled 6× (%s, 320 px)", (locale) => {
  const t = translator(locale);
  /** Stages the engine's worker computes (reading happens on the page, through the Office adapter). */
  const WORKER_STAGES = ["check", "allocate", "evaluate"];
  /** Cancel must take effect within this (issue 13: "Cancel takes effect within 200 ms"). */
  const CANCEL_WITHIN_MS = 200;
  let browser: LaunchedChromium;
  let page: Page;
  let errors: string[];
  /** From pressing Cancel to the run stopping, in the page's clock (ms); null until measured. */
  let cancelLatency: number | null = null;
  beforeAll(async () => {
    browser = await launchChromium(VIEWPORT);
    page = browser.page;
    page.setDefaultTimeout(STEP_TIMEOUT);
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the bar shows named stages as they change; Cancel, clicked while the worker computes, stops the run and writes nothing; Run again works", async () => {
    const pane = page.getByTestId("pane");
    // The pane alone (grid=off), as in Excel, where the pane's web view holds nothing but the pane: the
    // playground's grid would add its own style and layout work to every frame of the pane. A team three
    // times the sample's makes the worker's stages last long enough for a click to land in them.
    await page.goto(`${served.url}?lang=${locale}&width=320&grid=off&scale=3`);
    await pane.getByRole("heading", { name: t("appTitle"), level: 1 }).waitFor();
    await pane.getByRole("tab", { name: new RegExp(`^${escapeRegExp(t("sectionRun"))}`) }).click();
    const sheetsBefore = await hookSheetNames(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
    try {
      // In the page: every stage the bar shows (with the page's clock), the Cancel press, and when the
      // pane first says the run was cancelled (test/browser/runProbe.js, shared with the run bench).
      await page.evaluate(installRunProbe, { cancelName: t("cancel"), cancelledText: t("runCancelled"), workerSteps: WORKER_STAGES });
      await pane.getByRole("button", { name: t("runAllocation"), exact: true }).click();
      await pressCancelWhileWorkerComputes(page, t("cancel"), WORKER_STAGES);
      await pane.getByText(t("runCancelled")).waitFor();
      await pane.locator("button:enabled", { hasText: t("runAllocation") }).waitFor();
      const probe = await page.evaluate(runProbeResults, RUN_STOPPED_MARK);
      expect(probe.stopped).not.toBeNull();
      expect(probe.press).not.toBeNull();
      expect(probe.shown).not.toBeNull();
      const latency = probe.stopped! - probe.press!;
      const shownAfter = probe.shown! - probe.press!;
      const shown = probe.labels.filter((l) => l.step !== null);
      const stages = shown.map((l) => l.text);
      // eslint-disable-next-line no-console
      console.log(`[${locale}] CPU 6×: stages ${JSON.stringify(stages)}; the run stopped ${latency.toFixed(1)} ms after Cancel was pressed, the pane said so after ${shownAfter.toFixed(1)} ms`);
      // The bar was drawn (a box of its own) and its stage changed at least once, each stage named in
      // the pane's language: the label starts with the stage's name.
      expect(shown.every((l) => l.bar)).toBe(true);
      expect(new Set(shown.map((l) => l.step)).size).toBeGreaterThanOrEqual(2);
      expect(shown.filter((l) => !["detect", "read", ...WORKER_STAGES].includes(l.step!) || !l.text.startsWith(t(stepKey(l.step!))))).toEqual([]);
      expect(latency).toBeGreaterThanOrEqual(0);
      cancelLatency = latency;
      expect(await pane.getByText(t("runCancelTooLate")).count()).toBe(0);
      // Nothing written: the same sheets, also once the worker would have finished.
      expect(await hookSheetNames(page)).toEqual(sheetsBefore);
    } finally {
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    }
    // A cancelled run leaves the pane ready: the next run writes its proposal.
    await pane.getByRole("button", { name: t("runAllocation"), exact: true }).click();
    await pane.locator("button:enabled", { hasText: t("runAllocation") }).waitFor();
    expect((await hookSheetNames(page)).filter((n) => sheetKind(n) === "proposal")).toHaveLength(1);
    expect(await hookSheetNames(page)).toEqual(expect.arrayContaining(sheetsBefore));
  }, 300_000);

  // Apart from the behaviour above, so a slow machine's miss reads as what it is: the time, not a wrong result.
  // A speed goal, so not part of `npm test` (the brief keeps timings out of the suite; on the shared CI
  // machine it measured 57–257 ms before the bar redrew alone and sheets crossed in slices, 28–130 ms after;
  // `npm run bench:run` gives median and worst over fresh runs: 36 and 69 ms): FAIRSHARE_TIMED=1 npx jest -c jest.browser.config.js -t throttled
  // asserts it; the figure is printed by the behaviour test above on every run.
  (process.env.FAIRSHARE_TIMED ? test : test.skip)(`Cancel stopped the run within ${CANCEL_WITHIN_MS} ms of being pressed`, () => {
    expect(cancelLatency).not.toBeNull();
    expect(cancelLatency!).toBeLessThan(CANCEL_WITHIN_MS);
  });

  test("the page logged no errors", () => {
    expect(errors).toEqual([]);
  });
});
