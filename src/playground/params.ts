/** What the playground page takes from its query string. */

/** The task pane column's width range in CSS pixels: Excel's narrowest pane to a wide one. */
export const PANE_WIDTH_MIN = 320;
export const PANE_WIDTH_MAX = 600;
/** Excel desktop opens a task pane about this wide. */
export const PANE_WIDTH_DEFAULT = 350;

export interface PlaygroundParams {
  /** Width of the pane column, clamped to [PANE_WIDTH_MIN, PANE_WIDTH_MAX]. */
  width: number;
  /** The display language the fake host reports (Office.context.displayLanguage). */
  lang: string;
  /** Whether the fake host reports a dark Office theme. */
  dark: boolean;
  /** Whether the fake host reports a touch device (Office.context.touchEnabled, as Excel on iPad). */
  touch: boolean;
  /** Whether the engine computes in its Web Worker, as in the add-in (`worker=off` keeps it on the page). */
  worker: boolean;
  /** How many times the sample team (1–10): reps and accounts, and so sales, multiplied. */
  scale: number;
  /**
   * Whether the page draws the workbook's grid beside the pane (`grid=off`: the pane alone, as in Excel,
   * where the grid is Excel's and the pane's web view holds nothing else; its style and layout work then
   * counts for the pane alone).
   */
  grid: boolean;
}

/**
 * Reads `?width=320&lang=zh-CN&theme=dark&touch=1&worker=off&scale=4&grid=off`. Anything missing or unreadable falls back to the default,
 * so a mistyped link still opens a working playground.
 *
 * @example
 * playgroundParams("?width=900&lang=zh-CN") // { width: 600, lang: "zh-CN", dark: false, touch: false, worker: true, scale: 1, grid: true }
 */
export function playgroundParams(search: string): PlaygroundParams {
  const query = new URLSearchParams(search);
  const requested = Number(query.get("width"));
  const width = query.get("width") !== null && Number.isFinite(requested)
    ? Math.min(PANE_WIDTH_MAX, Math.max(PANE_WIDTH_MIN, Math.round(requested)))
    : PANE_WIDTH_DEFAULT;
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(query.get("lang") ?? "") ? query.get("lang")! : "en-US";
  const scale = Math.round(Number(query.get("scale") ?? 1));
  return {
    width,
    lang,
    dark: query.get("theme") === "dark",
    touch: query.get("touch") === "1",
    worker: query.get("worker") !== "off",
    scale: Number.isFinite(scale) ? Math.min(10, Math.max(1, scale)) : 1,
    grid: query.get("grid") !== "off",
  };
}
