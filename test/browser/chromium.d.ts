/** Types of test/browser/chromium.js. */
import type { BrowserContext, Page } from "playwright-core";

export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: readonly string[];
export function requireChromium(): void;

export interface LaunchedChromium {
  context: BrowserContext;
  page: Page;
  /** Closes Chromium and removes its profile. */
  close(): Promise<void>;
}

export function launchChromium(viewport?: { width: number; height: number }): Promise<LaunchedChromium>;
