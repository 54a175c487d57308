import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { Button, Caption1, Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { columnLetters, type FakeSheet, type FakeWorkbook } from "../../test/fakes/fakeExcel";
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
    borderCollapse: "separate",
    borderSpacing: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cell: {
    maxWidth: "28em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: "end" },
  bold: { fontWeight: tokens.fontWeightSemibold },
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
  rowHeading: { left: 0, textAlign: "end" },
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
  const [selected, setSelected] = useState(names[0] ?? "");
  const [rowsShown, setRowsShown] = useState(ROWS_PER_PAGE);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);

  // When a batch adds sheets, show what the person just asked the pane for: the first new sheet that
  // asks for input (a dropdown to fill, as the proposal's Decision), else the first new sheet.
  const known = useRef(names);
  useEffect(() => {
    const added = names.filter((n) => !known.current.includes(n));
    known.current = names;
    if (added.length > 0) select(added.find((n) => workbook.sheet(n).validations.length > 0) ?? added[0]);
    else if (!names.includes(selected) && names.length > 0) select(names[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per host change
  }, [version]);

  function select(name: string) {
    setSelected(name);
    setRowsShown(ROWS_PER_PAGE);
    setEditing(null);
  }

  const sheet = workbook.findSheet(selected);
  const view = useMemo(() => {
    if (!sheet) return null;
    const used = sheet.usedRect(true);
    const rowCount = used ? used.r0 + used.nr : 0;
    const columnCount = used ? used.c0 + used.nc : 0;
    const shown = Math.min(rowCount, rowsShown);
    const range = shown > 0 ? `A1:${columnLetters(columnCount - 1)}${shown}` : null;
    return {
      rowCount,
      columnCount,
      texts: range ? sheet.texts(range) : [],
      values: range ? sheet.values(range) : [],
      listAt: listValidations(sheet),
    };
    // version: the sheet object is mutated in place by the host
  }, [sheet, rowsShown, version]);

  function write(row: number, column: number, value: string) {
    setEditing(null);
    setError(null);
    events.setCell(selected, row, column, value).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }

  function onEditKey(e: KeyboardEvent<HTMLInputElement>, at: Editing) {
    if (e.key === "Enter") write(at.row, at.column, e.currentTarget.value);
    else if (e.key === "Escape") setEditing(null);
  }

  return (
    <section className={mergeClasses(styles.root, className)} aria-label="Workbook">
      <div className={styles.tabs}>
        <TabList className={styles.tabList} size="small" selectedValue={selected} onTabSelect={(_, d) => select(String(d.value))}>
          {names.map((name) => (
            <Tab key={name} value={name}>
              {name}
            </Tab>
          ))}
        </TabList>
      </div>
      <div className={styles.scroller}>
        {sheet && view && (
          <table className={styles.table} aria-label={sheet.name}>
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
                      sheet.styleAt(r, c, "font.bold") === true && styles.bold
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
                            onBlur={(e) => write(r, c, e.currentTarget.value)}
                          />
                        </td>
                      );
                    }
                    return (
                      <td
                        key={c}
                        className={cellClass}
                        title={text.length > 30 ? text : undefined}
                        onDoubleClick={() => setEditing({ row: r, column: c, text: String(sheet.cell(address).formula ?? value) })}
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
