// The date presets apart from the filter schema, so the filter form's client part loads no zod.
export const DATE_PRESETS = ["today", "7d", "this_month", "last_month", "custom"] as const;
export type TDatePreset = (typeof DATE_PRESETS)[number];
export const DATE_PRESET_LABEL: Record<TDatePreset, string> = {
  today: "Today",
  "7d": "Last 7 days",
  this_month: "This month",
  last_month: "Last month",
  custom: "Custom",
};
