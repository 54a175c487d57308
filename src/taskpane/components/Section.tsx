import type { ReactNode } from "react";
import { Subtitle1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    scrollMarginTop: tokens.spacingVerticalXXXL,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  heading: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
});

export interface SectionProps {
  /** The element id (the pane's contents link to it); the heading gets `<id>-heading`. */
  id: string;
  title: string;
  /** Small buttons beside the heading (refresh…). */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** One of the pane's sections: a level-2 heading that names the region for assistive technology. */
export function Section({ id, title, actions, children, className }: SectionProps) {
  const styles = useStyles();
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={mergeClasses(styles.root, className)}>
      <div className={styles.header}>
        <Subtitle1 as="h2" id={`${id}-heading`} className={styles.heading}>
          {title}
        </Subtitle1>
        {actions !== undefined && <div className={styles.actions}>{actions}</div>}
      </div>
      {children}
    </section>
  );
}
