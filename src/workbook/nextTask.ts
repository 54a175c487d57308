/**
 * Resolves in a later task of the page, so input waiting meanwhile (a Cancel press, a click) is handled
 * first: long work on the pane's page is done in pieces with `await nextTask()` between them.
 * scheduler.yield where the browser has it (Chromium, Edge); a MessageChannel task elsewhere in a page
 * (Safari, as Excel on Mac and iPad); a timer outside a page (node, where nothing waits for input).
 */
export function nextTask(): Promise<void> {
  const g = globalThis as { scheduler?: { yield?: () => Promise<void> }; document?: unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.scheduler?.yield === "function") return g.scheduler.yield();
  if (g.document !== undefined && typeof g.MessageChannel === "function") {
    return new Promise((resolve) => {
      const channel = new g.MessageChannel!();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
