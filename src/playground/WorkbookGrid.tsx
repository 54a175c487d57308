import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { Button, Caption1, Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, type FakeSheet, type FakeWorkbook } from "../fakes/fakeExcel";
import type { HostEvents } from "./hostEvents";

/** Rows rendered at first and added per "more rows": a table of 40,000 rows would stall the page. */
const ROWS_PER_PAGE = 200;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  tabs: {
    flexShrink: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  tabList: { flexWrap: "wrap" },
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: "auto",
  },
  table: {
    tableLayout: "fixed",
    borderCollapse: "separate",
    borderSpacing: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cell: {
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: "end" },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  heading: {
    position: "sticky",
    zIndex: 1,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  columnHeading: { top: 0, textAlign: "center" },
  rowHeading: { left: 0, textAlign: "end", overflow: "hidden" },
  corner: { top: 0, left: 0, zIndex: 2 },
  select: { fontSize: tokens.fontSizeBase200, maxWidth: "100%" },
  input: { fontSize: tokens.fontSizeBase200, width: "100%", boxSizing: "border-box" },
  footer: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface WorkbookGridProps {
  workbook: FakeWorkbook;
  events: HostEvents;
  className?: string;
}

interface Editing {
  row: number;
  column: number;
  text: string;
}

/** Excel measures column widths in points; the grid shows them at 96 px per inch, as Excel does at 100 %. */
const PX_PER_POINT = 96 / 72;
/** Wide enough for five-digit row numbers. */
const ROW_HEADING_PX = 48;

/** The items of a comma-separated list validation covering each cell (Excel's in-cell dropdown). */
function listValidations(sheet: FakeSheet): (row: number, column: number) => string[] | null {
  const lists = sheet.validations
    .filter((v) => typeof v.rule.list?.source === "string" && !v.rule.list.source.startsWith("="))
    .map((v) => ({ rect: v.rect, items: (v.rule.list.source as string).split(",").map((s) => s.trim()) }));
  return (row, column) => {
    for (let i = lists.length - 1; i >= 0; i--) {
      const { rect, items } = lists[i];
      if (row >= rect.r0 && row < rect.r0 + rect.nr && column >= rect.c0 && column < rect.c0 + rect.nc) return items;
    }
    return null;
  };
}

/**
 * A plain view of the fake workbook beside the pane: one tab per visible sheet and its values as Excel
 * would display them. Cells can be edited like in Excel (double-click, Enter to write, Escape to cancel);
 * cells with a list validation (the proposal's Decision) show its dropdown. Every edit goes through
 * Excel.run on the fake host, so the pane reads it exactly as it would read a person's typing.
 */
export function WorkbookGrid({ workbook, events, className }: WorkbookGridProps) {
  const styles = useStyles();
  const version = useSyncExternalStore(events.subscribe, events.version);
  const names = workbook.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
  const [shown, setShown] = useState(names[0] ?? "");
  const [rowsShown, setRowsShown] = useState(ROWS_PER_PAGE);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);

  // After each batch: a sheet the add-in activated is shown, as Excel would; otherwise, when the batch
  // added sheets, what the person just asked the pane for: the first new sheet that asks for input (a
  // dropdown to fill, as the proposal's Decision), else the first new sheet.
  const known = useRef(names);
  const active = useRef(workbook.activeSheet);
  useEffect(() => {
    const added = names.filter((n) => !known.current.includes(n));
    known.current = names;
    const activated = workbook.activeSheet !== active.current ? workbook.activeSheet : undefined;
    active.current = workbook.activeSheet;
    const selection = workbook.selection;
    if (activated && names.includes(activated.name)) {
      select(activated.name, selection?.sheet === activated ? selection.rect.r0 + selection.rect.nr : 0);
    } else if (added.length > 0) select(added.find((n) => workbook.sheet(n).validations.length > 0) ?? added[0]);
    else if (!names.includes(shown) && names.length > 0) select(names[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per host change
  }, [version]);

  function select(name: string, rowsNeeded = 0) {
    setShown(name);
    setRowsShown(Math.max(ROWS_PER_PAGE, Math.ceil(rowsNeeded / ROWS_PER_PAGE) * ROWS_PER_PAGE));
    setEditing(null);
  }

  // Bring the selected cell (the add-in selects the cell an issue points at) into view.
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    scroller.current?.querySelector("[data-selected]")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [version, shown]);

  const sheet = workbook.findSheet(shown);
  const selection = workbook.selection?.sheet === sheet ? workbook.selection?.rect : undefined;
  const isSelected = (r: number, c: number) =>
    selection !== undefined && r >= selection.r0 && r < selection.r0 + selection.nr && c >= selection.c0 && c < selection.c0 + selection.nc;
  const view = useMemo(() => {
    if (!sheet) return null;
    const used = sheet.usedRect(true);
    const rowCount = used ? used.r0 + used.nr : 0;
    const columnCount = used ? used.c0 + used.nc : 0;
    const lastRow = Math.min(rowCount, rowsShown);
    const range = lastRow > 0 ? `A1:${columnLetters(columnCount - 1)}${lastRow}` : null;
    return {
      rowCount,
      columnCount,
      texts: range ? sheet.texts(range) : [],
      values: range ? sheet.values(range) : [],
      listAt: listValidations(sheet),
      // The widths the add-in set (or Excel's default), so the grid looks like the sheet in Excel.
      widths: Array.from({ length: columnCount }, (_, c) => Math.round(sheet.columnWidth(c) * PX_PER_POINT)),
    };
    // version: the sheet object is mutated in place by the host
  }, [sheet, rowsShown, version]);

  function write(row: number, column: number, value: string) {
    setEditing(null);
    setError(null);
    events.setCell(shown, row, column, value).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }

  // Enter and Escape end the edit before the input goes away, so the blur that may follow writes nothing.
  const editDone = useRef(false);
  function edit(at: Editing) {
    editDone.current = false;
    setEditing(at);
  }
  function endEdit(at: Editing, value: string | null) {
    if (editDone.current) return;
    editDone.current = true;
    if (value === null) setEditing(null);
    else write(at.row, at.column, value);
  }
  function onEditKey(e: KeyboardEvent<HTMLInputElement>, at: Editing) {
    if (e.key === "Enter") endEdit(at, e.currentTarget.value);
    else if (e.key === "Escape") endEdit(at, null);
  }

  return (
    <section className={mergeClasses(styles.root, className)} aria-label="Workbook">
      <div className={styles.tabs}>
        <TabList className={styles.tabList} size="small" selectedValue={shown} onTabSelect={(_, d) => select(String(d.value))}>
          {names.map((name) => (
            <Tab key={name} value={name}>
              {name}
            </Tab>
          ))}
        </TabList>
      </div>
      <div className={styles.scroller} ref={scroller}>
        {sheet && view && (
          <table
            className={styles.table}
            aria-label={sheet.name}
            style={{ width: ROW_HEADING_PX + view.widths.reduce((a, b) => a + b, 0) }}
          >
            <colgroup>
              <col style={{ width: ROW_HEADING_PX }} />
              {view.widths.map((w, c) => (
                <col key={c} style={{ width: w }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th className={mergeClasses(styles.heading, styles.corner)} />
                {Array.from({ length: view.columnCount }, (_, c) => (
                  <th key={c} scope="col" className={mergeClasses(styles.heading, styles.columnHeading)}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.texts.map((row, r) => (
                <tr key={r}>
                  <th scope="row" className={mergeClasses(styles.heading, styles.rowHeading)}>
                    {r + 1}
                  </th>
                  {row.map((text, c) => {
                    const address = `${columnLetters(c)}${r + 1}`;
                    const list = view.listAt(r, c);
                    const value = view.values[r][c];
                    const cellClass = mergeClasses(
                      styles.cell,
                      typeof value === "number" && styles.number,
                      sheet.styleAt(r, c, "font.bold") === true && styles.bold,
                      isSelected(r, c) && styles.selected
                    );
                    if (list) {
                      const current = String(value);
                      return (
                        <td key={c} className={cellClass}>
                          <select aria-label={address} className={styles.select} value={current} onChange={(e) => write(r, c, e.currentTarget.value)}>
                            {["", ...list.filter((item) => item !== ""), ...(current !== "" && !list.includes(current) ? [current] : [])].map((item) => (
                              <option key={item} value={item}>
                                {item}
                              </option>
                            ))}
                          </select>
                        </td>
                      );
                    }
                    if (editing && editing.row === r && editing.column === c) {
                      return (
                        <td key={c} className={styles.cell}>
                          <input
                            aria-label={address}
                            className={styles.input}
                            autoFocus
                            defaultValue={editing.text}
                            onKeyDown={(e) => onEditKey(e, editing)}
                            onBlur={(e) => endEdit(editing, e.currentTarget.value)}
                          />
                        </td>
                      );
                    }
                    return (
                      <td
                        key={c}
                        className={cellClass}
                        data-selected={isSelected(r, c) || undefined}
                        title={text.length > 12 ? text : undefined}
                        onDoubleClick={() => edit({ row: r, column: c, text: String(sheet.cell(address).formula ?? value) })}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <footer className={styles.footer}>
        {view && (
          <Caption1>
            {view.rowCount > view.texts.length
              ? `${sheet?.name}: rows 1–${view.texts.length} of ${view.rowCount} shown. Double-click a cell to edit it.`
              : `${sheet?.name}: ${view.rowCount} rows. Double-click a cell to edit it.`}
          </Caption1>
        )}
        {view && view.rowCount > view.texts.length && (
          <Button size="small" onClick={() => setRowsShown((n) => n + 5 * ROWS_PER_PAGE)}>
            More rows
          </Button>
        )}
        {error !== null && (
          <Caption1 role="alert" className={styles.error}>
            {error}
          </Caption1>
        )}
      </footer>
    </section>
  );
}
