/** The part of a page's MessageChannel used here (this module also compiles for node, whose types differ). */
interface Channel {
  port1: { onmessage: ((event: unknown) => void) | null; close(): void };
  port2: { postMessage(message: unknown): void };
}

/**
 * Resolves in a later task of the page, so input waiting meanwhile (a Cancel press, a click) is handled
 * first: long work on the pane's page is done in pieces with `await nextTask()` between them.
 * scheduler.yield where the browser has it (Chromium, Edge); a MessageChannel task elsewhere in a page
 * (Safari, as Excel on Mac and iPad); a timer outside a page (node, where nothing waits for input).
 */
export function nextTask(): Promise<void> {
  const g = globalThis as unknown as { scheduler?: { yield?: () => Promise<void> }; document?: unknown; MessageChannel?: new () => Channel };
  if (typeof g.scheduler?.yield === "function") return g.scheduler.yield();
  if (g.document !== undefined && typeof g.MessageChannel === "function") {
    const PageChannel = g.MessageChannel;
    return new Promise((resolve) => {
      const channel = new PageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
