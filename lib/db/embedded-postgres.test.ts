import { describe, expect, it } from "vitest";
import { durableServerSettings } from "./embedded-postgres";

const GiB = 1024 ** 3;
const setting = (flags: string[], name: string) =>
  flags.filter((_, i) => flags[i - 1] === "-c").find((f) => f.startsWith(`${name}=`))?.slice(name.length + 1);

describe("durableServerSettings", () => {
  it("gives shared buffers a quarter of the memory, capped at 4 GB, never below PostgreSQL's default", () => {
    expect(setting(durableServerSettings(24 * GiB), "shared_buffers")).toBe("4096MB");
    expect(setting(durableServerSettings(2 * GiB), "shared_buffers")).toBe("512MB");
    expect(setting(durableServerSettings(GiB / 4), "shared_buffers")).toBe("128MB");
  });

  it("tells the planner about half the memory as cache, and spaces checkpoints out", () => {
    const flags = durableServerSettings(24 * GiB);
    expect(setting(flags, "effective_cache_size")).toBe("12288MB");
    expect(setting(flags, "max_wal_size")).toBe("8GB");
    expect(setting(flags, "checkpoint_timeout")).toBe("30min");
  });
});
