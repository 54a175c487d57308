/**
 * The settings as people read them, generated from the registry: the "Fairshare Settings" sheet a
 * workbook starts with, and the reference in docs/settings.md.
 */
import { INCENTIVE_COMPONENTS } from "../incentives/components";
import { formatMonth } from "../cells";
import type { Locale } from "../messages";
import type { SettingDef, SettingsRegistry } from "../settings/registry";
import type { OutputSheet } from "../table";

function shownDefault(d: SettingDef): string | number | boolean | null {
  if (d.default === null) return null;
  if (d.type === "month" && typeof d.default === "number") return formatMonth(d.default);
  if (d.type === "boolean") return d.default ? "on" : "off";
  return d.default;
}

function range(d: SettingDef): string {
  if (d.options) return d.options.join(" | ");
  if (d.type === "boolean") return "on | off";
  if (d.min !== undefined || d.max !== undefined) {
    const f = (x: number | undefined) => (x === undefined ? "" : d.type === "percent" ? `${x * 100}%` : String(x));
    return `${f(d.min)} … ${f(d.max)}`;
  }
  return "";
}

/**
 * A complete settings sheet with every setting at its default, described in the locale.
 * @example settingsSheet(REGISTRY, "zh-CN").rows.length === REGISTRY.defs.length
 */
export function settingsSheet(registry: SettingsRegistry, locale: Locale, regions: readonly string[] = []): OutputSheet {
  const zh = locale === "zh-CN";
  return {
    name: "Fairshare Settings",
    columns: [
      { header: "Setting", width: 28 },
      { header: "Value", width: 28 },
      { header: zh ? "说明" : "Description", width: 80 },
      ...regions.map((r) => ({ header: r, width: 14 })),
    ],
    rows: registry.defs.map((d) => [d.key, shownDefault(d), `${d.description[locale]}${range(d) ? ` (${range(d)})` : ""}`, ...regions.map(() => null)]),
    asTable: false,
  };
}

/** docs/settings.md: every setting, what the pane calls it, its type, default, range, whether regions may override it. */
export function settingsMarkdown(registry: SettingsRegistry): string {
  const groups = [...new Set(registry.defs.map((d) => d.group))];
  const lines = [
    "# Fairshare settings",
    "",
    "Generated from the settings registry (`npm run docs`); `test/engine/settingsDocs.test.ts` fails when it is out of date.",
    "Settings live in the workbook's **Fairshare Settings** sheet (`Setting | Value`, optional region columns).",
    "",
  ];
  for (const g of groups) {
    lines.push(`## ${g}`, "", "| setting | in the pane | 任务窗格中 | type | default | range | by region | description | 说明 |", "|---|---|---|---|---|---|---|---|---|");
    for (const d of registry.defs.filter((x) => x.group === g)) {
      const def = shownDefault(d);
      // An enum's choices as the pane words them, after its label.
      const choices = (locale: Locale) => {
        if (!d.optionLabels) return "";
        const zh = locale === "zh-CN";
        const each = (d.options ?? []).map((o) => `${o}${zh ? "：" : ": "}${d.optionLabels![o][locale]}`).join(zh ? "；" : "; ");
        return zh ? `（${each}）` : ` (${each})`;
      };
      lines.push(`| \`${d.key}\` | ${d.label["en-US"]}${choices("en-US")} | ${d.label["zh-CN"]}${choices("zh-CN")} | ${d.type} | ${def === null ? "—" : d.type === "percent" ? `${Number(def) * 100}%` : String(def)} | ${range(d).replace(/\|/g, "\\|") || "—"} | ${d.regional ? "yes" : "no"} | ${d.description["en-US"]} | ${d.description["zh-CN"]} |`);
    }
    lines.push("");
  }
  lines.push(
    "## Statement components",
    "",
    "Each line of an incentive statement, in statement order, from the component registry (`src/engine/incentives/components`). The JSON `components` object has one field per id.",
    "",
    "=FAIRSHARE.INCENTIVE and =FAIRSHARE.BREAKDOWN take `sales`, `quota` and `tiers`, then each component's own figures (its cell arguments) in the order of the column below.",
    "",
    "| id | name | 名称 | in =FAIRSHARE.BREAKDOWN (its arguments) | how | 计算 |",
    "|---|---|---|---|---|---|",
    ...INCENTIVE_COMPONENTS.map((c) => {
      const args = (c.cellArguments ?? []).map((a) => `\`${a.name}\``).join(", ");
      const cell = c.inCell ? (args ? `yes (${args})` : "yes") : "no (needs the team)";
      return `| \`${c.id}\` | ${c.label["en-US"]} | ${c.label["zh-CN"]} | ${cell} | ${c.doc["en-US"]} | ${c.doc["zh-CN"]} |`;
    }),
    "",
  );
  return lines.join("\n");
}
