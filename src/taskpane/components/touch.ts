/**
 * Shared styles for what a finger or a keyboard reaches: at least 32 px tall (iPad's smallest
 * comfortable target; Fluent's medium buttons have it already), and a focus ring as strong as
 * Fluent's own on the links and disclosure summaries Fluent does not style. When Office reports a touch
 * device, the pane's root gets `touchDevice`: every control at least 44 px tall.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

/** Apple's and Microsoft's touch target: 44 px (32 + 12). */
const TOUCH_TARGET = `calc(${tokens.spacingVerticalXXXL} + ${tokens.spacingVerticalM})`;

export const useTouchStyles = makeStyles({
  /**
   * On the pane's root on a touch device: buttons, links, tabs, disclosures, text boxes and dropdowns 44 px
   * tall, and at least as wide (a step's tab with a two-character Chinese title is narrower than that).
   */
  touchDevice: {
    "& button, & summary, & select, & [role=tab], & [role=combobox], & .fui-Input, & .fui-Select, & .fui-Link": {
      minHeight: TOUCH_TARGET,
      minWidth: TOUCH_TARGET,
    },
    "& .fui-Link": { display: "inline-flex", alignItems: "center" },
  },
  /** A link-like button or a summary: 32 px (tokens.spacingVerticalXXXL) tall, its text centred. */
  target: {
    minHeight: tokens.spacingVerticalXXXL,
    display: "inline-flex",
    alignItems: "center",
    cursor: "pointer",
  },
  /** A disclosure summary: it keeps its marker (display list-item), padded to at least 32 px tall. */
  disclosure: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    cursor: "pointer",
  },
  /** The keyboard focus ring of Fluent's buttons, for elements that have none of their own. */
  focus: {
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: tokens.strokeWidthThin,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});
