import { RULES } from "../allocation/rules";
import { MATCH_SETTINGS, RECIPIENT_SETTINGS, SIGNOFF_SETTINGS } from "../allocation/settingsDefs";
import { WATCH_SETTINGS } from "../allocation/watch";
import { IMPORT_SETTINGS } from "../importing/settingsDefs";
import { PLAN_SETTINGS } from "../incentives/plan";
import { CORE_SETTINGS } from "./core";
import { SettingsRegistry } from "./registry";

/** Every setting Fairshare knows, checked when this module loads. Features add their declarations here. */
export const REGISTRY = new SettingsRegistry([
  ...CORE_SETTINGS,
  ...RECIPIENT_SETTINGS,
  ...MATCH_SETTINGS,
  ...SIGNOFF_SETTINGS,
  ...RULES.flatMap((rule) => rule.settings),
  ...WATCH_SETTINGS,
  ...PLAN_SETTINGS,
  ...IMPORT_SETTINGS,
]);

export { SettingsRegistry, SettingsRegistryError, type SettingDef, type SettingType, type SettingValue } from "./registry";
export { Settings, parseSettings, parseSettingValue, checkSettingsRegions, columnLetter, type Mapping } from "./parse";
