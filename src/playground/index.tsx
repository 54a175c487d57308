/**
 * The playground: the real task pane (App, its actions and the Office.js adapter) over the fake Excel
 * host of src/fakes/fakeExcel.ts instead of office.js, loaded with the sample team, with a grid of the
 * workbook beside it. `npm run playground` serves it on http://localhost:3000.
 *
 * Query parameters: `width` (pane width, 320–600 px), `lang` (Office's display language, e.g. zh-CN),
 * `theme=dark`, `touch=1` (Office reports a touch device), `worker=off` (the engine on the page),
 * `scale=4` (a team four times the sample's), `grid=off` (the pane alone, without the workbook's grid).
 *
 * Playground and test affordance: `window.__fairshare` — `setCell(sheet, row, column, value)` (0-based,
 * written through Excel.run like typing), `sheetNames()`, `values(sheet)` and the fake `host` itself.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../taskpane/components/App";
import { I18nProvider } from "../taskpane/i18n/I18nProvider";
import { paneLocale } from "../taskpane/i18n/locale";
import { createOfficeActions } from "../taskpane/officeActions";
import { displayLanguageSafe, isDarkOfficeTheme, officeThemeSafe, touchEnabledSafe } from "../taskpane/officeContext";
import { spawnEngineWorker } from "../taskpane/worker/spawnEngineWorker";
import { installFakeExcel, type CellValue, type FakeExcelHost } from "../fakes/fakeExcel";
import { watchHost, type HostEvents } from "./hostEvents";
import { playgroundParams } from "./params";
import { Playground } from "./Playground";
import { sampleWorkbook } from "./sampleWorkbook";
import { WorkbookGrid } from "./WorkbookGrid";

/** What the page exposes for people poking at it in devtools and for test/browser. */
export interface PlaygroundHook {
  host: FakeExcelHost;
  setCell: HostEvents["setCell"];
  sheetNames(): string[];
  /** A sheet's values from A1 to the bottom-right of its used range, as Excel's `values` reads them. */
  values(sheet: string): CellValue[][];
}

declare global {
  interface Window {
    __fairshare?: PlaygroundHook;
  }
}

// Marks for scripts/bench-render.js: the bundle has been evaluated; the sample workbook is built.
performance.mark("playground:script");
const params = playgroundParams(window.location.search);
const host = installFakeExcel(sampleWorkbook(params.scale));
performance.mark("playground:workbook");
host.displayLanguage = params.lang;
host.contentLanguage = params.lang;
host.touchEnabled = params.touch;
// The fake host reports no theme (like Excel on some platforms); the playground can ask for a dark one.
if (params.dark) (host.office.context as { officeTheme?: Partial<Office.OfficeTheme> }).officeTheme = { isDarkTheme: true, bodyBackgroundColor: "#262626" };
const events = watchHost(host);

window.__fairshare = {
  host,
  setCell: events.setCell,
  sheetNames: () => host.workbook.sheetNames(),
  values: (sheet) => host.workbook.sheet(sheet).values(),
};

// From here on, what src/taskpane/index.tsx does inside Excel, with the same pieces.
Office.onReady(() => {
  const container = document.getElementById("root");
  if (container === null) throw new Error("playground.html has no element with id \"root\"");
  const locale = paneLocale(displayLanguageSafe());
  document.documentElement.lang = locale;
  const theme = isDarkOfficeTheme(officeThemeSafe()) ? webDarkTheme : webLightTheme;
  createRoot(container).render(
    <FluentProvider theme={theme}>
      <Playground
        paneWidth={params.width}
        pane={
          <I18nProvider locale={locale}>
            <App actions={createOfficeActions({ spawnWorker: params.worker ? spawnEngineWorker : undefined })} touch={touchEnabledSafe()} />
          </I18nProvider>
        }
        grid={params.grid ? <WorkbookGrid workbook={host.workbook} events={events} /> : null}
      />
    </FluentProvider>
  );
});
