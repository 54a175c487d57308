/**
 * What a run looks like from the page, for the throttled-run browser test and scripts/bench-run.js
 * (plain CommonJS so both can use it). The functions below run in the page (page.evaluate): they may
 * use nothing from outside their own body.
 *
 * The probe notes, in the page's own clock (performance.now()):
 * - every stage the progress bar shows (its data-step id and label), and whether the bar had a box;
 * - every long task (over 50 ms) of the page's main thread;
 * - when Cancel was pressed (its pointerdown: Cancel acts on it, and a person's wait starts there),
 *   and when the pane first said the run was cancelled.
 */
"use strict";

/** Installs the probe as window.__runProbe. Runs in the page. */
function installRunProbe({ cancelName, cancelledText, workerSteps }) {
  const probe = { labels: [], longTasks: [], inputs: [], press: null, shown: null, onWorkerStage: null };
  window.__runProbe = probe;
  const root = document.querySelector("[data-testid=pane]");
  const look = () => {
    const bar = root.querySelector("[role=progressbar]");
    const field = bar ? bar.closest("[data-step]") : null;
    const last = probe.labels[probe.labels.length - 1];
    if (field) {
      const step = field.getAttribute("data-step");
      const label = field.querySelector("label");
      const text = label ? label.textContent : "";
      if (!last || last.text !== text || last.step !== step) {
        const box = bar.getBoundingClientRect();
        probe.labels.push({ at: performance.now(), step, text, bar: box.width > 0 && box.height > 0 });
        if (workerSteps.includes(step) && probe.onWorkerStage) probe.onWorkerStage();
      }
    } else if (last && last.step !== null) {
      probe.labels.push({ at: performance.now(), step: null, text: "", bar: false });
    }
    // textContent, not innerText: the probe must not make the page lay out (that would be timed too).
    if (probe.press !== null && probe.shown === null && (root.textContent || "").includes(cancelledText)) probe.shown = performance.now();
  };
  new MutationObserver(look).observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-step"] });
  document.addEventListener(
    "pointerdown",
    (e) => {
      const button = e.target instanceof Element ? e.target.closest("button") : null;
      if (button && button.textContent === cancelName) probe.press = e.timeStamp;
    },
    true
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask" });
  // Event Timing: how long each press waited before its handlers ran (input delay) and ran.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "pointerdown" || e.name === "click") probe.inputs.push({ name: e.name, start: e.startTime, processingStart: e.processingStart, processingEnd: e.processingEnd, duration: e.duration });
    }
  }).observe({ type: "event", durationThreshold: 16 });
}

/**
 * Resolves with the centre of the Cancel button once the bar shows (painted) a stage the engine's worker
 * computes: a person clicks what they see, not in the middle of its drawing. Runs in the page.
 */
function cancelWhenWorkerComputes({ cancelName, workerSteps }) {
  return new Promise((resolve, reject) => {
    const probe = window.__runProbe;
    let asked = false;
    const painted = () => {
      // Once only: a later stage's label must not look for Cancel after the click, when it is gone.
      if (asked) return;
      asked = true;
      requestAnimationFrame(() =>
        setTimeout(() => {
          const button = [...document.querySelectorAll("[data-testid=pane] button")].find((b) => b.textContent === cancelName);
          if (!button) return reject(new Error(`no button named "${cancelName}" while the run computes`));
          const box = button.getBoundingClientRect();
          resolve({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
        }, 0)
      );
    };
    probe.onWorkerStage = painted;
    const last = probe.labels[probe.labels.length - 1];
    if (last && workerSteps.includes(last.step)) painted();
    else if (probe.labels.some((l) => workerSteps.includes(l.step))) reject(new Error(`the run had passed the worker's stages (now: ${last ? last.step : "none"}) before Cancel could be pressed`));
  });
}

/** Resolves with the centre of the Cancel button as soon as it shows. Runs in the page. */
function cancelAppears({ cancelName }) {
  return new Promise((resolve) => {
    const root = document.querySelector("[data-testid=pane]");
    const find = () => {
      const button = [...root.querySelectorAll("button")].find((b) => b.textContent === cancelName);
      if (!button) return false;
      const box = button.getBoundingClientRect();
      resolve({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
      return true;
    };
    if (find()) return;
    const observer = new MutationObserver(() => {
      if (find()) observer.disconnect();
    });
    observer.observe(root, { subtree: true, childList: true });
  });
}

/**
 * The probe's notes, with when the run was stopped (the last `stoppedMark`, or null) and when the fake
 * host worked as Excel would in its own process (each sync's `at`). Runs in the page.
 */
function runProbeResults(stoppedMark) {
  const p = window.__runProbe;
  const marks = performance.getEntriesByName(stoppedMark);
  const host = window.__fairshare ? window.__fairshare.host.syncs.filter((s) => s.at).map((s) => s.at) : [];
  return { labels: p.labels, longTasks: p.longTasks, inputs: p.inputs, press: p.press, shown: p.shown, stopped: marks.length ? marks[marks.length - 1].startTime : null, host };
}

/**
 * The part of a long task that was the pane's own: its duration less the time the fake host spent
 * doing Excel's work inside it.
 * @param {{start: number, duration: number}} task
 * @param {{start: number, end: number}[]} host
 */
function paneShare(task, host) {
  const end = task.start + task.duration;
  let hostMs = 0;
  for (const h of host) hostMs += Math.max(0, Math.min(end, h.end) - Math.max(task.start, h.start));
  return task.duration - hostMs;
}

/** The stage (data-step id) the bar showed at `time`, or null before the first and after the last. */
function stageAt(labels, time) {
  let step = null;
  for (const l of labels) if (l.at <= time) step = l.step;
  return step;
}

/**
 * Presses Cancel the moment the bar shows a stage the engine's worker computes, as a person does: the
 * pointer goes to Cancel as soon as it shows (the page handles the hover then), and the press follows
 * once that stage is painted, at once (no waiting for the page between). Only the press is timed. Runs
 * in node, on a playwright page with the probe installed.
 * @param {import("playwright-core").Page} page
 */
async function pressCancelWhileWorkerComputes(page, cancelName, workerSteps) {
  const shown = await page.evaluate(cancelAppears, { cancelName });
  await page.mouse.move(shown.x, shown.y);
  const at = await page.evaluate(cancelWhenWorkerComputes, { cancelName, workerSteps });
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.up();
}

module.exports = { installRunProbe, cancelWhenWorkerComputes, pressCancelWhileWorkerComputes, runProbeResults, paneShare, stageAt };
