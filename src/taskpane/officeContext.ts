/** Reading Office's context safely (the pane also renders outside Office, e.g. in tests), and what the pane derives from it. */

/** What the pane needs to know about Office's theme. */
export type OfficeThemeInfo = Partial<Pick<Office.OfficeTheme, "isDarkTheme" | "bodyBackgroundColor">>;

/**
 * Whether Office shows a dark theme: `isDarkTheme` where the host reports it, otherwise a dark body
 * background (relative luminance below one half). No theme information → light.
 *
 * @example
 * isDarkOfficeTheme({ bodyBackgroundColor: "#262626" }) // true
 * isDarkOfficeTheme(undefined)                          // false
 */
export function isDarkOfficeTheme(theme: OfficeThemeInfo | null | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme.bodyBackgroundColor ?? "");
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(hex[1].slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Office's theme, or undefined where the host has none (some platforms) or outside Office. Never throws. */
export function officeThemeSafe(): OfficeThemeInfo | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.officeTheme ?? undefined : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether Office reports a touch device (Office.context.touchEnabled: Excel on iPad and touch-first
 * Windows); false outside Office or where the host does not say. Never throws.
 */
export function touchEnabledSafe(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.touchEnabled === true;
  } catch {
    return false;
  }
}

/** Office's display language, or undefined outside Office. Never throws. */
export function displayLanguageSafe(): string | undefined {
  try {
    return typeof Office !== "undefined" ? Office.context?.displayLanguage ?? undefined : undefined;
  } catch {
    return undefined;
  }
}
