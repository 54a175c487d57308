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
}

/**
 * Reads `?width=320&lang=zh-CN&theme=dark`. Anything missing or unreadable falls back to the default,
 * so a mistyped link still opens a working playground.
 *
 * @example
 * playgroundParams("?width=900&lang=zh-CN") // { width: 600, lang: "zh-CN", dark: false }
 */
export function playgroundParams(search: string): PlaygroundParams {
  const query = new URLSearchParams(search);
  const requested = Number(query.get("width"));
  const width = query.get("width") !== null && Number.isFinite(requested)
    ? Math.min(PANE_WIDTH_MAX, Math.max(PANE_WIDTH_MIN, Math.round(requested)))
    : PANE_WIDTH_DEFAULT;
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(query.get("lang") ?? "") ? query.get("lang")! : "en-US";
  return { width, lang, dark: query.get("theme") === "dark" };
}
