import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    height: "100vh",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  pane: {
    flexShrink: 0,
    height: "100%",
    overflowY: "auto",
    // Exactly the width asked for, scrollbar included, like the task pane's frame in Excel: no border here.
    boxSizing: "border-box",
    boxShadow: tokens.shadow4,
  },
  grid: {
    flexGrow: 1,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    minWidth: 0,
    height: "100%",
  },
});

export interface PlaygroundProps {
  /** The pane column's width in CSS pixels (see params.ts for its range). */
  paneWidth: number;
  pane: ReactNode;
  grid: ReactNode;
}

/** The task pane in a column of the given width, the workbook beside it, as Excel lays them out (mirrored). */
export function Playground({ paneWidth, pane, grid }: PlaygroundProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <aside className={styles.pane} style={{ width: paneWidth }} aria-label="Task pane" data-testid="pane">
        {pane}
      </aside>
      <div className={styles.grid} data-testid="grid">
        {grid}
      </div>
    </div>
  );
}
