/**
 * The engine's Web Worker: the pane's heavy actions (check, run, the rules' read, statements, apply)
 * computed off the page, so the pane keeps painting and answering clicks. The workbook is reached through
 * a port whose every call is a message the page answers with the Office adapter (see workerActions.ts
 * and engineServer.ts). Built as its own chunk by webpack (see spawnEngineWorker.ts).
 */
import { serveEngine } from "./engineServer";
import type { FromWorker, ToWorker } from "./protocol";

/** The worker's global scope, typed for what is used here (the DOM lib types `self` as a Window). */
const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };
const handle = serveEngine(scope);
scope.onmessage = (event) => handle(event.data);
