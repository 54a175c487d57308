/**
 * Output paths are checked before any work: none may be the input or another output (also through
 * `..`, symlinks or hard links), and each must go into an existing, writable folder. Files are written
 * whole or not at all: to a temporary file beside the target, renamed into place, and removed on every
 * other path, Ctrl-C included.
 */
import { accessSync, constants, existsSync, promises as fs, realpathSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { CliMessage } from "./messages";

/** Where a path points once `..` and symlinks in its folder (and itself, when it exists) are resolved. */
function canonical(file: string): string {
  const abs = path.resolve(file);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Whether two paths name the same file (same canonical path, or the same inode when both exist). */
export function sameFile(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export interface OutputPath {
  /** The option that named it, e.g. "--out". */
  flag: string;
  file: string;
}

/**
 * The first problem with the output paths (a CLI message), or null when all are fine.
 * @example outputPathProblem("book.xlsx", [{ flag: "--json", file: "./book.xlsx" }]) // { key: "path.isInput", … }
 */
export function outputPathProblem(input: string, outputs: readonly OutputPath[]): CliMessage | null {
  for (let i = 0; i < outputs.length; i++) {
    const o = outputs[i];
    const at = { flag: o.flag, file: o.file };
    if (sameFile(o.file, input)) return { key: "path.isInput", params: at };
    for (let j = 0; j < i; j++) if (sameFile(o.file, outputs[j].file)) return { key: "path.same", params: { ...at, other: outputs[j].flag } };
    const folder = path.dirname(path.resolve(o.file));
    if (!existsSync(folder)) return { key: "path.noFolder", params: { ...at, folder } };
    if (!statSync(folder).isDirectory()) return { key: "path.notFolder", params: { ...at, folder } };
    if (existsSync(o.file) && statSync(o.file).isDirectory()) return { key: "path.isFolder", params: at };
    try {
      accessSync(folder, constants.W_OK);
    } catch {
      return { key: "path.notWritable", params: { ...at, folder } };
    }
  }
  return null;
}

/** Temporary files not yet renamed into place; removed on exit and on Ctrl-C. */
const live = new Set<string>();

/** Removes every temporary file still present (synchronously: usable from a signal handler). */
export function removeTemporaryFiles(): void {
  for (const f of live) rmSync(f, { force: true });
  live.clear();
}

/** A temporary name beside `target` (same folder, so the rename is atomic), registered for cleanup. */
export function temporaryFor(target: string): string {
  const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${live.size}.tmp`);
  live.add(tmp);
  return tmp;
}

/** Renames finished temporary files into place, in order. */
export async function commit(pairs: readonly { tmp: string; target: string }[]): Promise<void> {
  for (const p of pairs) {
    await fs.rename(p.tmp, p.target);
    live.delete(p.tmp);
  }
}

/**
 * Runs `work` with Ctrl-C and termination handled: temporary files are removed and the process exits
 * with 130 (143 for SIGTERM). Temporary files left when `work` ends, however it ends, are removed.
 */
export async function withCleanup<T>(work: () => Promise<T>, interrupted: (signal: string) => string = (signal) => `fairshare: interrupted (${signal}); nothing was written`): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporaryFiles();
    process.stderr.write(`${interrupted(signal)}\n`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await work();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    removeTemporaryFiles();
  }
}
