import { useState } from "react";
import { Button, Caption1, Dropdown, Field, Input, Option, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { RepStatement } from "../actions";
import type { StatementsData } from "../hooks/usePane";
import { useT } from "../i18n/I18nProvider";
import type { Translate } from "../i18n/locale";
import { StatementView } from "./StatementView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  control: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  picker: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
});

/** How a rep reads in the picker: name, ID and region. */
export function repOptionText(rep: RepStatement, t: Translate): string {
  return rep.region ? t("repOption", { name: rep.name, id: rep.repId, region: rep.region }) : t("repOptionNoRegion", { name: rep.name, id: rep.repId });
}

/**
 * The reps whose name, ID or region contains every word typed (case-insensitive), in their order.
 * @example filterReps(reps, "north r1") // R1 and R10 of region North
 */
export function filterReps(reps: readonly RepStatement[], query: string): RepStatement[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w);
  if (words.length === 0) return [...reps];
  return reps.filter((r) => {
    const hay = `${r.name} ${r.repId} ${r.region}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export interface StatementsSectionProps {
  statements: StatementsData | null;
  loading: boolean;
  disabled: boolean;
  onLoad: () => void;
  className?: string;
}

/** A rep picker over the statements, narrowed by a search box, and the chosen rep's statement and place in the team. */
export function StatementsSection({ statements, loading, disabled, onLoad, className }: StatementsSectionProps) {
  const styles = useStyles();
  const t = useT();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string | null>(null);

  if (statements === null) {
    return (
      <div className={mergeClasses(styles.actions, className)}>
        <Button disabled={disabled || loading} onClick={onLoad}>
          {t("showStatements")}
        </Button>
        {loading && <Spinner size="tiny" labelPosition="after" label={t("statementsLoading")} />}
      </div>
    );
  }
  if (statements.reps.length === 0) return <Caption1 className={mergeClasses(styles.note, className)}>{t("statementsNone")}</Caption1>;

  const rep = statements.reps.find((r) => r.repId === selected) ?? null;
  const matches = filterReps(statements.reps, query);
  return (
    <div className={mergeClasses(styles.root, className)}>
      {loading && <Spinner size="tiny" labelPosition="after" label={t("statementsLoading")} />}
      {statements.period !== null && <Caption1 className={styles.note}>{t("summaryPeriod", { period: statements.period })}</Caption1>}
      <div className={styles.picker}>
        <Field label={t("repSearchLabel")}>
          <Input className={styles.control} type="search" value={query} placeholder={t("repSearch")} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <Field label={t("repPicker")} hint={t("repMatches", { count: matches.length, total: statements.reps.length })}>
          <Dropdown
            clearButton={{ "aria-label": t("clearSelection") }}
            className={styles.control}
            value={rep !== null ? repOptionText(rep, t) : ""}
            selectedOptions={selected !== null ? [selected] : []}
            placeholder={matches.length > 0 ? t("chooseRepPlaceholder") : t("repNoMatch")}
            disabled={matches.length === 0}
            onOptionSelect={(_, d) => {
              if (d.optionValue) setSelected(d.optionValue);
            }}
          >
            {matches.map((r) => (
              <Option key={r.repId} value={r.repId}>
                {repOptionText(r, t)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {rep !== null ? <StatementView rep={rep} /> : <Caption1 className={styles.note}>{t("chooseRep")}</Caption1>}
    </div>
  );
}
