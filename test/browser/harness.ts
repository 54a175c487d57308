/** The browser tests' setup: the playground built into a temporary folder and served on a free port. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { buildPlayground, servePlayground, type PlaygroundServer } from "../../scripts/playground";

export interface ServedPlayground extends PlaygroundServer {
  /** Stops the server and removes the build. */
  dispose(): Promise<void>;
}

/** A production build of the playground in a temporary folder, served on a free port of 127.0.0.1. */
export async function servedPlayground(): Promise<ServedPlayground> {
  const outputPath = fs.mkdtempSync(path.join(os.tmpdir(), "fairshare-playground-"));
  try {
    await buildPlayground({ mode: "production", outputPath });
    const server = await servePlayground({ dir: outputPath, port: 0 });
    return {
      ...server,
      async dispose() {
        await server.close();
        fs.rmSync(outputPath, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(outputPath, { recursive: true, force: true });
    throw err;
  }
}

/** Errors the page threw or logged: a test expects none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  return errors;
}

export { launchChromium, requireChromium, type LaunchedChromium } from "./chromium";
