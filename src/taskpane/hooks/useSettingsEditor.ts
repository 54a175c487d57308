import { useCallback, useMemo, useState } from "react";
import type { SettingChange, SettingView } from "../actions";
import { collectChanges, draftKey, type DraftProblem, type Drafts, type RegionScope } from "./settingsForm";

export interface SettingsEditor {
  /** "" for all regions, otherwise the region being edited. */
  region: RegionScope;
  setRegion(region: RegionScope): void;
  drafts: Drafts;
  edit(key: string, text: string): void;
  discard(): void;
  changes: SettingChange[];
  /** Problems of the edited values, by draft key. */
  problems: Readonly<Record<string, DraftProblem>>;
  /** Whether Save was pressed while some value was invalid (then the pane says so). */
  blocked: boolean;
  /** Validates and saves; drafts are kept when saving fails or is refused. */
  save(): Promise<void>;
}

/**
 * The rules editor's state: the region shown, the unsaved texts per (region, setting), and saving
 * them. Validation happens as the user types; nothing invalid is sent to `onSave`.
 */
export function useSettingsEditor(views: readonly SettingView[], onSave: (changes: SettingChange[]) => Promise<boolean>): SettingsEditor {
  const [region, setRegion] = useState<RegionScope>("");
  const [drafts, setDrafts] = useState<Drafts>({});
  const [blocked, setBlocked] = useState(false);
  const { changes, problems } = useMemo(() => collectChanges(views, drafts), [views, drafts]);

  const edit = useCallback(
    (key: string, text: string) => {
      setBlocked(false);
      setDrafts((d) => ({ ...d, [draftKey(region, key)]: text }));
    },
    [region]
  );

  const discard = useCallback(() => {
    setBlocked(false);
    setDrafts({});
  }, []);

  const save = useCallback(async () => {
    if (Object.keys(problems).length > 0) {
      setBlocked(true);
      return;
    }
    if (changes.length === 0) return;
    if (await onSave(changes)) setDrafts({});
  }, [changes, problems, onSave]);

  return { region, setRegion, drafts, edit, discard, changes, problems, blocked, save };
}
