import { useEffect, useRef, useState } from "react";
import { Body1, Button, Caption1, Field, Input, Select, Spinner, Subtitle2, Text, makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import type { ApplySummary, ReviewFilter, ReviewStatus } from "../actions";
import type { MessageKey } from "../i18n/en-US";
import { useLocale, useT } from "../i18n/I18nProvider";
import { BULK_KINDS, bulkChoices, bulkCounts, bulkFilter, type BulkKind } from "./bulk";
import { CountList } from "./CountList";
import { SheetLinks } from "./SheetLinks";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  sheet: { margin: 0, overflowWrap: "anywhere" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  filters: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  filter: { minWidth: 0 },
  // A long rep name or rule must not widen the pane: the dropdown shrinks to it and cuts its text.
  select: { minWidth: 0, maxWidth: "100%" },
  refused: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  approved: { color: tokens.colorPaletteGreenForeground1 },
  rejected: { color: tokens.colorPaletteRedForeground1 },
  conflicts: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  conflict: { overflowWrap: "anywhere" },
});

export interface ReviewSectionProps {
  review: ReviewStatus | null;
  apply: ApplySummary | null;
  loading: boolean;
  applying: boolean;
  /** Another action is under way. */
  disabled: boolean;
  /** The counts follow the sheet by themselves (Excel's change events): said under them. */
  live?: boolean;
  /** The Approver name written with each decision; Apply and the bulk decisions need it. */
  approver?: string;
  onApproverChange?: (name: string) => void;
  /** Apply or a bulk decision was asked for without a name: the field says so and takes the focus. */
  approverMissing?: boolean;
  /** Approves or rejects the undecided rows a filter selects. */
  onDecide?: (decision: "approve" | "reject", filter: ReviewFilter) => void;
  /** What the last bulk decision did, or null. */
  decided?: { decision: "approve" | "reject"; count: number } | null;
  onApply: () => void;
  onSelectSheet: (sheet: string) => void;
  className?: string;
}

const KIND_LABELS: Readonly<Record<BulkKind, MessageKey>> = { all: "bulkKindAll", rule: "bulkKindRule", region: "bulkKindRegion", from: "bulkKindFrom", size: "bulkKindSize" };

/**
 * The newest proposal's decisions (approved / rejected / pending, following the sheet as people decide),
 * the approver's name, bulk decisions by rule, region, From rep or size band with their counts stated
 * before the click, "Apply approved" and what it did.
 */
export function ReviewSection({ review, apply, loading, applying, disabled, live = false, approver = "", onApproverChange, approverMissing = false, onDecide, decided = null, onApply, onSelectSheet, className }: ReviewSectionProps) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const busy = disabled || applying;
  const nameBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (approverMissing) nameBox.current?.focus();
  }, [approverMissing]);

  const rows = review?.pendingRows ?? [];
  const [kind, setKind] = useState<BulkKind>("rule");
  const choices = kind === "all" ? [] : bulkChoices(rows, kind, t, locale);
  const [chosen, setChosen] = useState("");
  // The chosen value stays while the sheet changes; when no undecided row has it any more, the first does.
  const value = choices.some((c) => c.value === chosen) ? chosen : (choices[0]?.value ?? "");
  const filter = bulkFilter(kind, value);
  const counts = kind !== "all" && choices.length === 0 ? { approve: 0, reject: 0 } : bulkCounts(rows, filter);
  const ids = useId("fairshare-bulk");
  // Earlier runs' proposals stay in the workbook once they had decisions; the newest is the one Apply reads.
  const earlier = review?.earlierProposals ?? [];

  return (
    <div className={mergeClasses(styles.root, className)}>
      {review === null ? (
        loading && <Spinner size="tiny" labelPosition="after" label={t("reviewLoading")} />
      ) : review.proposalSheet === null ? (
        <Caption1 className={styles.note}>{t("applyNoProposal")}</Caption1>
      ) : (
        <>
          {/* Every sheet of the current run's proposal (one per region with proposalPerRegion), each a link. */}
          <SheetLinks message="reviewSheet" className={styles.sheet} sheets={review.proposalSheets?.length ? review.proposalSheets : [review.proposalSheet]} onSelect={onSelectSheet} disabled={busy} />
          <div aria-live="polite">
            <CountList
              rows={[
                [t("countApproved"), review.approved, review.approved > 0 ? styles.approved : undefined],
                [t("countRejected"), review.rejected, review.rejected > 0 ? styles.rejected : undefined],
                [t("countPending"), review.pending],
                ...(review.unreadable > 0 ? [[t("countUnreadable"), review.unreadable, styles.rejected] as const] : []),
                [t("countTotal"), review.total],
              ]}
            />
          </div>
          {live && <Caption1 className={styles.note}>{t("reviewLive")}</Caption1>}
          {earlier.length > 0 && (
            <div className={styles.root} role="group" aria-labelledby={`${ids}-earlier`}>
              <Subtitle2 as="h3" id={`${ids}-earlier`} className={styles.heading}>
                {t("reviewEarlierHeading")}
              </Subtitle2>
              <ul className={styles.conflicts}>
                {earlier.map((run) => (
                  <li key={run[0]}>
                    <SheetLinks message="reviewSuperseded" sheets={run} onSelect={onSelectSheet} disabled={busy} />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {review !== null && review.proposalSheet !== null && onApproverChange && (
        <Field
          label={t("approverLabel")}
          hint={t("approverHint")}
          validationState={approverMissing && approver.trim() === "" ? "error" : "none"}
          validationMessage={approverMissing && approver.trim() === "" ? t("approverRequired") : undefined}
        >
          <Input ref={nameBox} value={approver} disabled={busy} autoComplete="name" onChange={(_, d) => onApproverChange(d.value)} />
        </Field>
      )}
      {onDecide && review !== null && review.pending > 0 && (
        <div className={styles.root} role="group" aria-labelledby={`${ids}-heading`}>
          <Subtitle2 as="h3" id={`${ids}-heading`} className={styles.heading}>
            {t("bulkHeading")}
          </Subtitle2>
          <div className={styles.filters}>
            <Field label={t("bulkKindLabel")} className={styles.filter}>
              <Select value={kind} disabled={busy} className={styles.select} onChange={(_, d) => setKind(d.value as BulkKind)}>
                {BULK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(KIND_LABELS[k])}
                  </option>
                ))}
              </Select>
            </Field>
            {kind !== "all" && (
              <Field label={t(KIND_LABELS[kind])} className={styles.filter}>
                <Select value={value} disabled={busy || choices.length === 0} className={styles.select} onChange={(_, d) => setChosen(d.value)}>
                  {choices.map((c) => (
                    <option key={c.value} value={c.value}>
                      {t("bulkChoice", { label: c.label, count: c.count })}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          </div>
          <Body1 className={styles.note}>
            {counts.approve === counts.reject ? t("bulkMatches", { count: counts.reject }) : t("bulkMatchesUnplaced", { count: counts.reject, approvable: counts.approve })}
          </Body1>
          <div className={styles.actions}>
            <Button disabled={busy || counts.approve === 0} onClick={() => onDecide("approve", filter)}>
              {t("bulkApprove", { count: counts.approve })}
            </Button>
            <Button disabled={busy || counts.reject === 0} onClick={() => onDecide("reject", filter)}>
              {t("bulkReject", { count: counts.reject })}
            </Button>
          </div>
          <div aria-live="polite">
            {decided !== null && <Caption1 className={styles.note}>{t(decided.decision === "approve" ? "bulkApproved" : "bulkRejected", { count: decided.count })}</Caption1>}
          </div>
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || review === null || review.proposalSheet === null} onClick={onApply}>
          {t("applyApproved")}
        </Button>
        {applying && <Spinner size="tiny" labelPosition="after" label={t("applying")} />}
      </div>
      <div aria-live="polite" className={styles.root}>
        {approverMissing && approver.trim() === "" && onApproverChange && <Body1 className={styles.refused}>{t("applyNeedsApprover")}</Body1>}
        {apply !== null &&
          (apply.proposalSheet === null ? (
            <Caption1>{t("applyNoProposal")}</Caption1>
          ) : (
            <Text>
              {t("applyResult", {
                sheet: apply.proposalSheet,
                applied: apply.applied,
                already: apply.alreadyApplied,
                rejected: apply.rejected,
                pending: apply.pending,
              })}
            </Text>
          ))}
        {apply !== null && apply.conflicts.length > 0 && (
          <>
            <Subtitle2 as="h3" className={styles.heading}>
              {t("conflictsHeading", { count: apply.conflicts.length })}
            </Subtitle2>
            <ul className={styles.conflicts}>
              {apply.conflicts.map((c) => (
                <li key={c.proposalId} className={styles.conflict}>
                  <Text>{t("applyConflict", { id: c.proposalId, account: c.accountId, detail: c.detail })}</Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
