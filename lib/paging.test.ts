import { describe, expect, it } from "vitest";
import { pageOf } from "./paging";

describe("pageOf", () => {
  it("keeps the page asked for within the pages there are, and says which rows it shows", () => {
    expect(pageOf(45, 20, 2)).toEqual({ page: 2, pageCount: 3, skip: 20, take: 20 });
    expect(pageOf(45, 20)).toMatchObject({ page: 1, skip: 0 });
    expect(pageOf(45, 20, 9)).toMatchObject({ page: 3, skip: 40 });
    expect(pageOf(45, 20, 0)).toMatchObject({ page: 1, skip: 0 });
    expect(pageOf(0, 20, 4)).toEqual({ page: 1, pageCount: 1, skip: 0, take: 20 });
  });
});
