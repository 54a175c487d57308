/** Types of scripts/playground.js for the TypeScript that requires it (test/browser). */
export interface PlaygroundServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

export function buildPlayground(options?: { mode?: "production" | "development"; outputPath?: string }): Promise<{ outputPath: string; ms: number }>;
export function watchPlayground(options?: { outputPath?: string; onBuild?: (error: Error | null) => void }): { close(callback: () => void): void };
export function servePlayground(options?: { dir?: string; port?: number }): Promise<PlaygroundServer>;
