/**
 * Makes the engine's Web Worker. Only the bundles import this file (the pane's and the playground's
 * entry): webpack turns `new Worker(new URL(…, import.meta.url))`, written exactly so, into a chunk of its
 * own, a classic worker script (Safari 14 has no module workers). Node tests never load it; they drive
 * inWorker with a fake worker.
 */
export function spawnEngineWorker(): Worker {
  return new Worker(
    /* webpackChunkName: "engine-worker" */
    // @ts-ignore TS1470: only ever bundled by webpack (as an ES module), where import.meta.url is the bundle's URL.
    new URL("./engineWorker.ts", import.meta.url),
  );
}
