import { Body1, Button, Caption1, Dropdown, Field, Option, Spinner, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import type { SettingChange } from "../actions";
import type { RulesData } from "../hooks/usePane";
import { RULE_GROUPS, draftKey, groupTitle, parseDraftKey, shownText } from "../hooks/settingsForm";
import { useSettingsEditor, type SettingsEditor } from "../hooks/useSettingsEditor";
import { useLocale, useT } from "../i18n/I18nProvider";
import { settingLabel } from "../i18n/settingLabels";
import { SettingField } from "./SettingField";
import { useTouchStyles } from "./touch";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    margin: 0,
    padding: 0,
    ...shorthands.borderStyle("none"),
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  control: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  more: { minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
});

/** Option values of the region picker: "all" or `r:<region>` (so no region name can collide with "all"). */
const ALL = "all";

export interface RulesSectionProps {
  rules: RulesData | null;
  loading?: boolean;
  /** The pane is busy: Save is disabled. */
  busy?: boolean;
  /** Saving is under way. */
  saving?: boolean;
  /** The last save succeeded (shown until the next edit). */
  saved?: boolean;
  onSave: (changes: SettingChange[]) => Promise<boolean>;
  /** Lists every setting in the Fairshare Settings sheet (adding the sheet, or the rows it lacks). */
  onComplete?: () => void;
  /** What the last "list every setting" added (empty: nothing was missing), or null. */
  settingsAdded?: string[] | null;
  /** The form's state when its owner keeps it (the pane: Run saves what it shows); otherwise its own. */
  editor?: SettingsEditor;
  className?: string;
}

/**
 * The settings that matter most, editable for all regions or as one region's overrides, validated
 * as they are typed, and saved together to the Fairshare Settings sheet.
 */
export function RulesSection({ rules, loading, busy, saving, saved, onSave, onComplete, settingsAdded, editor: shared, className }: RulesSectionProps) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const t = useT();
  const locale = useLocale();
  const views = rules?.settings ?? [];
  const own = useSettingsEditor(views, onSave);
  const editor = shared ?? own;
  if (rules === null) return loading ? <Spinner size="tiny" labelPosition="after" label={t("rulesLoading")} /> : null;

  const byKey = new Map(views.map((v) => [v.def.key, v]));
  const pending = editor.changes.length + Object.keys(editor.problems).length;
  const regionValue = editor.region === "" ? ALL : `r:${editor.region}`;
  return (
    <div className={mergeClasses(styles.root, className)}>
      <Field label={t("rulesRegion")} hint={t("regionHint")}>
        <Dropdown
          clearButton={{ "aria-label": t("clearSelection") }}
          className={styles.control}
          value={editor.region === "" ? t("allRegions") : editor.region}
          selectedOptions={[regionValue]}
          onOptionSelect={(_, d) => {
            if (d.optionValue !== undefined) editor.setRegion(d.optionValue === ALL ? "" : d.optionValue.slice(2));
          }}
        >
          <Option value={ALL}>{t("allRegions")}</Option>
          {rules.regions.map((r) => (
            <Option key={r} value={`r:${r}`}>
              {r}
            </Option>
          ))}
        </Dropdown>
      </Field>

      {RULE_GROUPS.map((group) => (
        <fieldset key={group.id} className={styles.group}>
          <legend className={styles.legend}>{groupTitle(group, t, locale)}</legend>
          {(() => {
            const field = (key: string) => {
              const view = byKey.get(key);
              if (!view) return null;
              const id = draftKey(editor.region, key);
              return (
                <SettingField
                  key={key}
                  view={view}
                  region={editor.region}
                  text={shownText(view, editor.region, editor.drafts)}
                  problem={editor.problems[id]}
                  onChange={(text) => editor.edit(key, text)}
                />
              );
            };
            const shown = group.keys.slice(0, group.shown ?? group.keys.length);
            const more = group.keys.slice(shown.length).filter((k) => byKey.has(k));
            // A problem in an advanced setting keeps its disclosure open.
            const open = more.some((k) => editor.problems[draftKey(editor.region, k)] !== undefined);
            return (
              <>
                {shown.map(field)}
                {more.length > 0 && (
                  <details open={open || undefined} className={styles.more}>
                    <summary className={mergeClasses(touch.disclosure, touch.focus)}>{t("moreSettings", { count: more.length })}</summary>
                    <div className={styles.group}>{more.map(field)}</div>
                  </details>
                )}
              </>
            );
          })()}
        </fieldset>
      ))}

      <div className={styles.bar}>
        <Button appearance="primary" disabled={busy || pending === 0} onClick={() => void editor.save()}>
          {t("saveRules")}
        </Button>
        <Button disabled={busy || pending === 0} onClick={editor.discard}>
          {t("discardChanges")}
        </Button>
        {saving && <Spinner size="tiny" labelPosition="after" label={t("savingRules")} />}
      </div>
      {onComplete && (
        <div className={styles.bar}>
          <Button disabled={busy} onClick={onComplete}>
            {t("completeSettings")}
          </Button>
          {settingsAdded && (
            <Caption1 className={styles.note}>{settingsAdded.length ? t("settingsAdded", { count: settingsAdded.length }) : t("settingsComplete")}</Caption1>
          )}
        </div>
      )}
      <div aria-live="polite">
        {editor.blocked ? (
          <Body1 className={styles.error}>
            {t("rulesInvalid", {
              settings: Object.keys(editor.problems)
                .map((id) => {
                  const [region, key] = parseDraftKey(id);
                  const name = settingLabel(key, locale);
                  return region === "" ? name : t("settingInRegion", { key: name, region });
                })
                .join(t("listSeparator")),
            })}
          </Body1>
        ) : pending > 0 ? (
          <Caption1 className={styles.note}>{t("unsavedCount", { count: pending })}</Caption1>
        ) : saved ? (
          <Body1 className={styles.success}>{t("rulesSaved")}</Body1>
        ) : null}
      </div>
    </div>
  );
}
