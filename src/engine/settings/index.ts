import { dormant } from "../allocation/dormant";
import { orphan } from "../allocation/orphan";
import { overCapacity } from "../allocation/overCapacity";
import { RECIPIENT_SETTINGS } from "../allocation/settingsDefs";
import { stagnation } from "../allocation/stagnation";
import { IMPORT_SETTINGS } from "../importing/settingsDefs";
import { PLAN_SETTINGS } from "../incentives/plan";
import { CORE_SETTINGS } from "./core";
import { SettingsRegistry } from "./registry";

/** Every setting Fairshare knows, checked when this module loads. Features add their declarations here. */
export const REGISTRY = new SettingsRegistry([
  ...CORE_SETTINGS,
  ...RECIPIENT_SETTINGS,
  ...[orphan, dormant, stagnation, overCapacity].flatMap((rule) => rule.settings),
  ...PLAN_SETTINGS,
  ...IMPORT_SETTINGS,
]);

export { SettingsRegistry, SettingsRegistryError, type SettingDef, type SettingType, type SettingValue } from "./registry";
export { Settings, parseSettings, parseSettingValue, checkSettingsRegions, columnLetter, type Mapping } from "./parse";
