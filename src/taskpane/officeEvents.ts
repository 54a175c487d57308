/**
 * Worksheet change events for the pane's live review counts. Events are not batch reads or writes, so
 * they are not part of the WorkbookPort (src/workbook/port.ts): this is the pane's one direct use of
 * Excel.run, kept to registering and removing a Worksheet.onChanged handler.
 */

/** How long a listener waits for more changes before it is called: a pasted column is one call, not hundreds. */
export const CHANGE_SETTLE_MS = 150;

/**
 * Calls `listener` after cells of `sheet` change — typed by a person, pasted, or written by an add-in —
 * once per burst of changes (CHANGE_SETTLE_MS after the last). Resolves with the function that stops
 * listening, or null where Excel has no worksheet events (ExcelApi below 1.7).
 *
 * @example
 * const stop = await watchSheet("Fairshare Proposal 2026-03", () => void refreshCounts());
 * await stop?.();
 */
export async function watchSheet(sheet: string, listener: () => void): Promise<(() => Promise<void>) | null> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.7")) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const handler = async () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!stopped) listener();
    }, CHANGE_SETTLE_MS);
  };
  const registration = await Excel.run(async (context) => {
    const result = context.workbook.worksheets.getItem(sheet).onChanged.add(handler);
    await context.sync();
    return result;
  });
  return async () => {
    stopped = true;
    clearTimeout(timer);
    // Removed in the request context it was added in, as Office.js requires.
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}
