import { Body1, Button, Caption1, Field, Input, Link, Spinner, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useTouchStyles } from "./touch";
import type { ApplySummary, ReviewStatus } from "../actions";
import { useT } from "../i18n/I18nProvider";
import { splitMessage } from "../i18n/locale";
import { CountList } from "./CountList";
import { ruleName } from "./RunSummaryView";

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
  link: { fontSize: "inherit", lineHeight: "inherit", whiteSpace: "normal", overflowWrap: "anywhere", textAlign: "start" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
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
  /** The Approver name written with each decision; Apply and the bulk actions need it. */
  approver?: string;
  onApproverChange?: (name: string) => void;
  /** Approves every undecided row of one rule (null: of every rule). */
  onApproveAll?: (rule: string | null) => void;
  /** How many rows the last bulk approval decided, or null. */
  decided?: number | null;
  onApply: () => void;
  onSelectSheet: (sheet: string) => void;
  className?: string;
}

/** The newest proposal's decisions (approved / rejected / pending), "Apply approved" and what it did. */
export function ReviewSection({ review, apply, loading, applying, disabled, approver = "", onApproverChange, onApproveAll, decided = null, onApply, onSelectSheet, className }: ReviewSectionProps) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const t = useT();
  const busy = disabled || applying;
  const unsigned = approver.trim() === "";
  const byRule = Object.entries(review?.pendingByRule ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const [before, after] = splitMessage(t, "reviewSheet", "sheet");
  return (
    <div className={mergeClasses(styles.root, className)}>
      {review === null ? (
        loading && <Spinner size="tiny" labelPosition="after" label={t("reviewLoading")} />
      ) : review.proposalSheet === null ? (
        <Caption1 className={styles.note}>{t("applyNoProposal")}</Caption1>
      ) : (
        <>
          <Body1 as="p" className={styles.sheet}>
            {before}
            <Link as="button" inline className={mergeClasses(styles.link, touch.target, touch.focus)} disabled={busy} onClick={() => onSelectSheet(review.proposalSheet!)}>
              {review.proposalSheet}
            </Link>
            {after}
          </Body1>
          <CountList
            rows={[
              [t("countApproved"), review.approved, review.approved > 0 ? styles.approved : undefined],
              [t("countRejected"), review.rejected, review.rejected > 0 ? styles.rejected : undefined],
              [t("countPending"), review.pending],
              ...(review.unreadable > 0 ? [[t("countUnreadable"), review.unreadable, styles.rejected] as const] : []),
              [t("countTotal"), review.total],
            ]}
          />
        </>
      )}
      {review !== null && review.proposalSheet !== null && onApproverChange && (
        <Field label={t("approverLabel")} hint={t("approverHint")} validationState={unsigned ? "warning" : "none"} validationMessage={unsigned ? t("approverRequired") : undefined}>
          <Input value={approver} disabled={busy} autoComplete="name" onChange={(_, d) => onApproverChange(d.value)} />
        </Field>
      )}
      {onApproveAll && review !== null && review.pending > 0 && (
        <div className={styles.root}>
          <Subtitle2 as="h3" className={styles.heading}>
            {t("bulkHeading")}
          </Subtitle2>
          <div className={styles.actions}>
            {byRule.length > 1 && (
              <Button disabled={busy || unsigned} onClick={() => onApproveAll(null)}>
                {t("approveAllPending", { count: review.pending })}
              </Button>
            )}
            {byRule.map(([rule, count]) => (
              <Button key={rule} disabled={busy || unsigned} onClick={() => onApproveAll(rule)}>
                {t("approveAllOfRule", { rule: ruleName(rule, t), count })}
              </Button>
            ))}
          </div>
          {decided !== null && <Caption1 className={styles.note}>{t("bulkDone", { count: decided })}</Caption1>}
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || review === null || review.proposalSheet === null || (onApproverChange !== undefined && unsigned)} onClick={onApply}>
          {t("applyApproved")}
        </Button>
        {applying && <Spinner size="tiny" labelPosition="after" label={t("applying")} />}
      </div>
      <div aria-live="polite" className={styles.root}>
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
