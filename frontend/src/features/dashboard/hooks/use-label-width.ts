import { Grid } from "antd";

/** Room for a bar chart's category names: narrower on a phone so the bars keep most of the width. */
export function useLabelWidth(wide = 150): number {
  const screens = Grid.useBreakpoint();
  return screens.sm ? wide : Math.min(wide, 96);
}
