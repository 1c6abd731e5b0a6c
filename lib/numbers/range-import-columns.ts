/** The columns of a ranges file, in order (CSV header or the first sheet's first row). */
export const RANGE_COLUMNS = ["Country", "Type", "Area", "First", "Last"] as const;
