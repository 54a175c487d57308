import { Button, Caption1, Dropdown, Field, Input, Option, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SettingView } from "../actions";
import { displayValue, editable, problemMessage, rangeHint, tierRows, tiersText, type DraftProblem, type RegionScope } from "../hooks/settingsForm";
import { useLocale, useT } from "../i18n/I18nProvider";
import { describeSetting, optionLabel, settingLabel } from "../i18n/settingLabels";

const useStyles = makeStyles({
  root: { minWidth: 0 },
  control: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  label: { overflowWrap: "anywhere" },
  tiers: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  tierRow: { display: "flex", alignItems: "flex-end", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  tierCell: { flexGrow: 1, flexBasis: 0, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The choice that clears a region's override (a value no setting option can take). */
const INHERIT = "\u2063inherit";

export interface SettingFieldProps {
  view: SettingView;
  /** "" for all regions, otherwise the region being edited. */
  region: RegionScope;
  /** The text shown: the draft, or the saved value. */
  text: string;
  problem?: DraftProblem;
  disabled?: boolean;
  onChange: (text: string) => void;
  className?: string;
}

/**
 * One setting: its label in plain words (never the key the settings sheet stores), its description in
 * the pane's language and its range as the hint, an input that fits its type, and what is wrong with
 * the typed value. With a region chosen, an empty box means "as in all regions".
 */
export function SettingField({ view, region, text, problem, disabled, onChange, className }: SettingFieldProps) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const { def } = view;
  const here = editable(view, region);
  const inherited = region !== "" && here;
  const allRegions = def.type === "enum" && typeof view.value === "string" ? optionLabel(def.key, view.value, locale) : displayValue(def, view.value, t, locale);
  const hint = [
    describeSetting(def, locale, t("booleanOn"), t("booleanOff")),
    rangeHint(def, t, locale),
    region !== "" && !here ? t("notRegional") : null,
  ]
    .filter((s): s is string => s !== null)
    .join(" ");
  const name = settingLabel(def.key, locale);
  const label = def.type === "percent" ? t("percentLabel", { key: name }) : name;
  const placeholder = inherited ? t("inheritsValue", { value: allRegions }) : def.type === "month" ? t("monthPlaceholder") : undefined;
  // Outside the region being edited, a non-regional setting shows its all-regions value.
  const shown = here ? text : allRegions;

  let control;
  if (def.type === "enum" || def.type === "boolean") {
    const options: Array<[value: string, label: string]> =
      def.type === "boolean" ? [["on", t("booleanOn")], ["off", t("booleanOff")]] : (def.options ?? []).map((o) => [o, optionLabel(def.key, o, locale)]);
    if (inherited) options.unshift([INHERIT, t("inheritsValue", { value: allRegions })]);
    const selected = here && text !== "" ? text : inherited ? INHERIT : "";
    control = (
      <Dropdown
        clearButton={{ "aria-label": t("clearSelection") }}
        className={styles.control}
        disabled={disabled || !here}
        value={options.find(([v]) => v === selected)?.[1] ?? shown}
        selectedOptions={[selected]}
        onOptionSelect={(_, d) => {
          if (d.optionValue !== undefined) onChange(d.optionValue === INHERIT ? "" : d.optionValue);
        }}
      >
        {options.map(([value, text]) => (
          <Option key={value} value={value}>
            {text}
          </Option>
        ))}
      </Dropdown>
    );
  } else if (def.type === "tiers") {
    // Tiers as rows (from, rate); the rows are joined into the sheet's notation and validated as typed text.
    const editing = here && !(inherited && text === "");
    const rows = tierRows(editing ? text : shown);
    const set = (next: typeof rows) => onChange(tiersText(next));
    control = (
      <div className={styles.tiers}>
        {inherited && text === "" && <Caption1 className={styles.note}>{placeholder}</Caption1>}
        {editing &&
          rows.map((row, i) => (
            <div key={i} className={styles.tierRow} role="group" aria-label={t("tierRowLabel", { n: i + 1 })}>
              <Field className={styles.tierCell} label={i === 0 ? t("tierFrom") : undefined}>
                <Input
                  className={styles.control}
                  aria-label={`${t("tierRowLabel", { n: i + 1 })} ${t("tierFrom")}`}
                  disabled={disabled}
                  value={row.from}
                  onChange={(_, d) => set(rows.map((r, j) => (j === i ? { ...r, from: d.value } : r)))}
                />
              </Field>
              <Field className={styles.tierCell} label={i === 0 ? t("tierRate") : undefined}>
                <Input
                  className={styles.control}
                  aria-label={`${t("tierRowLabel", { n: i + 1 })} ${t("tierRate")}`}
                  inputMode="decimal"
                  disabled={disabled}
                  value={row.rate}
                  onChange={(_, d) => set(rows.map((r, j) => (j === i ? { ...r, rate: d.value } : r)))}
                />
              </Field>
              <Button aria-label={t("removeTierLabel", { n: i + 1 })} disabled={disabled || rows.length <= 1} onClick={() => set(rows.filter((_, j) => j !== i))}>
                {t("removeTier")}
              </Button>
            </div>
          ))}
        <div>
          <Button disabled={disabled || !here} onClick={() => set([...(editing ? rows : tierRows(shown)), { from: "", rate: "" }])}>
            {t("addTier")}
          </Button>
        </div>
      </div>
    );
  } else {
    // Numbers and months are typed; only numbers that cannot be negative get a numeric
    // keyboard (some have no minus key).
    const numeric = (def.type === "int" || def.type === "number" || def.type === "percent") && def.min !== undefined && def.min >= 0;
    control = (
      <Input
        className={styles.control}
        disabled={disabled || !here}
        value={shown}
        placeholder={placeholder}
        inputMode={!numeric ? "text" : def.type === "int" ? "numeric" : "decimal"}
        onChange={(_, d) => onChange(d.value)}
      />
    );
  }

  return (
    <Field
      className={mergeClasses(styles.root, className)}
      label={{ children: label, className: styles.label }}
      hint={hint}
      validationState={problem ? "error" : "none"}
      validationMessage={problem ? problemMessage(def, problem, t, locale) : undefined}
    >
      {control}
    </Field>
  );
}
