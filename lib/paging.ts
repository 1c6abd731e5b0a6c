/**
 * The page of a list to show: the one asked for (the first when none is) kept within the pages
 * there are (an empty list still has one), with the rows before it to skip and the rows to take.
 */
export function pageOf(total: number, pageSize: number, asked = 1) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, asked), pageCount);
  return { page, pageCount, skip: (page - 1) * pageSize, take: pageSize };
}
