import { Fragment, useRef } from "react";
import {
  Badge,
  Caption1,
  Dropdown,
  Field,
  Label,
  Option,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useTouchStyles } from "./touch";
import type { DataDescription, SettingChange } from "../actions";
import { columnChange, fieldRequirement, missingCount, missingFields, sheetChange } from "../hooks/settingsForm";
import { useLocale, useT } from "../i18n/I18nProvider";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  roles: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    minWidth: 0,
  },
  role: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  term: { margin: 0 },
  value: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  dropdown: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  missing: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  columns: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
  },
  disclosure: {
    minWidth: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // A native disclosure: keyboard accessible without script, and light on the bundle.
  summary: {
    cursor: "pointer",
    minWidth: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
    ":focus-visible": {
      outlineStyle: "solid",
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  summaryText: {
    display: "inline-flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  fields: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    minWidth: 0,
  },
});

export interface DataMappingProps {
  data: DataDescription;
  /** Saves one mapping choice (`sheet.<role>` or `column.<role>.<field>`); the pane then reads the mapping again. */
  onChange: (change: SettingChange) => void;
  disabled?: boolean;
  className?: string;
}

/** Every header once, with the current one included even if detection normalised it away. */
function choices(headers: readonly string[], current: string | null): string[] {
  const all = current !== null && !headers.includes(current) ? [...headers, current] : [...headers];
  return [...new Set(all)];
}

/**
 * The detected input sheets and columns, each fixable: a dropdown of candidate sheets per role and,
 * per field, a dropdown of that sheet's headers (required fields marked). A role with a required
 * column not found starts expanded.
 */
export function DataMapping({ data, onChange, disabled, className }: DataMappingProps) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const t = useT();
  const locale = useLocale();
  const baseId = useId("mapping");
  const mapped = data.roles.filter((r) => r.sheet !== null);
  // Roles with a required column missing start open; later refreshes leave the user's choice alone.
  const initiallyOpen = useRef<ReadonlySet<string>>(new Set(mapped.filter((r) => missingFields(r).length > 0).map((r) => r.role)));

  return (
    <div className={mergeClasses(styles.root, className)}>
      <dl className={styles.roles}>
        {data.roles.map((role) => {
          const labelId = `${baseId}-${role.role}`;
          return (
            <div key={role.role} className={styles.role}>
              <dt className={styles.term}>
                <Label id={labelId} required={role.required} weight="semibold">
                  {role.label[locale]}
                </Label>
              </dt>
              <dd className={styles.value}>
                <Dropdown
                  clearButton={{ "aria-label": t("clearSelection") }}
                  className={styles.dropdown}
                  aria-labelledby={labelId}
                  aria-required={role.required}
                  disabled={disabled}
                  value={role.sheet ?? ""}
                  selectedOptions={role.sheet !== null ? [role.sheet] : []}
                  placeholder={t("sheetNotFound")}
                  onOptionSelect={(_, d) => {
                    if (d.optionValue !== undefined && d.optionValue !== role.sheet) onChange(sheetChange(role.role, d.optionValue));
                  }}
                >
                  {choices(data.candidates, role.sheet).map((name) => (
                    <Option key={name} value={name}>
                      {name}
                    </Option>
                  ))}
                </Dropdown>
              </dd>
            </div>
          );
        })}
        <div className={styles.role}>
          <dt className={styles.term}>
            <Text weight="semibold">{t("roleSettings")}</Text>
          </dt>
          <dd className={styles.value}>
            {data.settingsSheet !== null ? <Text>{data.settingsSheet}</Text> : <Caption1 className={styles.missing}>{t("settingsSheetNone")}</Caption1>}
          </dd>
        </div>
      </dl>

      {mapped.length > 0 && (
        <div className={styles.columns}>
          {mapped.map((role) => {
            const found = role.fields.filter((f) => f.header !== null).length;
            const missing = missingFields(role);
            const unmet = missingCount(role);
            return (
              <details key={role.role} className={styles.disclosure} open={initiallyOpen.current.has(role.role)}>
                <summary className={mergeClasses(styles.summary, touch.disclosure, touch.focus)}>
                  <span className={styles.summaryText}>
                    {t("columnsOf", { role: role.label[locale], found, total: role.fields.length })}
                    {unmet > 0 && (
                      <Badge appearance="tint" color="danger" shape="rounded">
                        {t("columnsMissing", { count: unmet })}
                      </Badge>
                    )}
                  </span>
                </summary>
                <div className={styles.fields}>
                  {role.fields.map((field) => {
                    const req = fieldRequirement(role, field.key);
                    // The group in the sheet's field order, the same sentence under each member.
                    const oneOf = Array.isArray(req) && req.length > 0 ? role.fields.filter((f) => f.key === field.key || req.includes(f.key)).map((f) => f.label[locale]).join(t("listSeparator")) : null;
                    const isMissing = missing.includes(field.key);
                    // Several roles have a field of the same name (Rep ID, Region…): the dropdown's name says whose.
                    const nameId = `${baseId}-${role.role}-${field.key}-name`;
                    return (
                      <Fragment key={field.key}>
                        <span id={nameId} hidden>
                          {t("columnOfRole", { field: field.label[locale], role: role.label[locale] })}
                        </span>
                        <Field
                          label={field.label[locale]}
                          required={req === true}
                          hint={oneOf !== null && !isMissing ? t("columnOneOf", { fields: oneOf }) : undefined}
                          validationState={isMissing ? "error" : "none"}
                          validationMessage={isMissing ? (oneOf !== null ? t("columnOneOfMissing", { fields: oneOf }) : t("columnRequiredMissing")) : undefined}
                        >
                          <Dropdown
                            clearButton={{ "aria-label": t("clearSelection") }}
                            className={styles.dropdown}
                            aria-labelledby={nameId}
                            disabled={disabled}
                            value={field.header ?? ""}
                            selectedOptions={field.header !== null ? [field.header] : []}
                            placeholder={t("columnNotFound")}
                            onOptionSelect={(_, d) => {
                              if (d.optionValue !== undefined && d.optionValue !== field.header) onChange(columnChange(role.role, field.key, d.optionValue));
                            }}
                          >
                            {choices(role.headers, field.header).map((header) => (
                              <Option key={header} value={header}>
                                {header}
                              </Option>
                            ))}
                          </Dropdown>
                        </Field>
                      </Fragment>
                    );
                  })}
                </div>
              </details>
            );
          })}
        </div>
      )}
    </div>
  );
}
