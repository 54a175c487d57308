import { Fragment } from "react";
import { Caption1, Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTouchStyles } from "./touch";
import type { MessageKey } from "../i18n/en-US";
import { useT } from "../i18n/I18nProvider";
import { splitMessage } from "../i18n/locale";

const useStyles = makeStyles({
  root: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", minWidth: 0 },
  link: { fontSize: "inherit", lineHeight: "inherit", whiteSpace: "normal", overflowWrap: "anywhere", textAlign: "start" },
});

export interface SheetLinksProps {
  sheets: readonly string[];
  /** Shows a sheet in the workbook; without it the names are plain text. */
  onSelect?: (sheet: string) => void;
  disabled?: boolean;
  /** The sentence the names stand in, at its {sheets}: "Sheets written: {sheets}" unless given. */
  message?: MessageKey;
  className?: string;
}

/** "Sheets written: A, B" (or another sentence with {sheets}) with each name a link that shows the sheet. */
export function SheetLinks({ sheets, onSelect, disabled, message = "sheetsWritten", className }: SheetLinksProps) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const t = useT();
  const [before, after] = splitMessage(t, message, "sheets");
  return (
    <Caption1 as="p" className={mergeClasses(styles.root, className)}>
      {before}
      {sheets.map((sheet, i) => (
        <Fragment key={sheet}>
          {i > 0 && t("listSeparator")}
          {onSelect ? (
            <Link as="button" inline className={mergeClasses(styles.link, touch.target, touch.focus)} disabled={disabled} onClick={() => onSelect(sheet)}>
              {sheet}
            </Link>
          ) : (
            sheet
          )}
        </Fragment>
      ))}
      {after}
    </Caption1>
  );
}
