import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { PaneActions } from "./actions";
import { App } from "./components/App";
import { I18nProvider } from "./i18n/I18nProvider";
import { paneLocale } from "./i18n/locale";
import { createOfficeActions } from "./officeActions";
import { displayLanguageSafe, isDarkOfficeTheme, officeThemeSafe, touchEnabledSafe } from "./officeContext";
import { spawnEngineWorker } from "./worker/spawnEngineWorker";

/**
 * The Office actions, or — when they cannot be created — actions that fail with that error, so the
 * pane still renders and shows the reason in its message bar instead of staying blank.
 */
function actionsOrFailure(): PaneActions {
  try {
    // The engine computes in a Web Worker; Office.js and the adapter stay on this page.
    return createOfficeActions({ spawnWorker: spawnEngineWorker });
  } catch (err) {
    const fail = () => Promise.reject(err);
    // Every action fails with the same error, whatever the pane asks.
    return new Proxy({} as PaneActions, { get: () => fail });
  }
}

Office.onReady(() => {
  const container = document.getElementById("root");
  if (container === null) throw new Error("taskpane.html has no element with id \"root\"");
  const theme = isDarkOfficeTheme(officeThemeSafe()) ? webDarkTheme : webLightTheme;
  const actions = actionsOrFailure();
  const root = createRoot(container);
  const render = (language: string | undefined) => {
    const locale = paneLocale(language);
    document.documentElement.lang = locale;
    root.render(
      <FluentProvider theme={theme}>
        <I18nProvider locale={locale}>
          <App actions={actions} touch={touchEnabledSafe()} />
        </I18nProvider>
      </FluentProvider>
    );
  };
  // Render at once in Office's language; the workbook's `language` setting, once read, overrides it.
  const display = displayLanguageSafe();
  render(display);
  actions.settingsLanguage().then(
    (language) => {
      if (language && paneLocale(language) !== paneLocale(display)) render(language);
    },
    () => undefined, // no readable settings: Office's language stays; the pane reports workbook errors itself
  );
});
