import { CORE_SETTINGS } from "./core";
import { SettingsRegistry } from "./registry";

/** Every setting Fairshare knows, checked when this module loads. Features add their declarations here. */
export const REGISTRY = new SettingsRegistry([...CORE_SETTINGS]);

export { SettingsRegistry, SettingsRegistryError, type SettingDef, type SettingType, type SettingValue } from "./registry";
export { Settings, parseSettings, parseSettingValue, checkSettingsRegions, columnLetter, type Mapping } from "./parse";
