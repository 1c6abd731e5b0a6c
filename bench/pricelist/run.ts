// Price-list generation time and peak memory (npm run bench:pricelist). Each case runs in a child
// process; targets for the 250-country catalogue: first byte < 300 ms, last byte < 2 s per format.
import { execFileSync } from "node:child_process";
import os from "node:os";

const CASES = [
  { label: "seed-sized", countries: 69, prefixes: 69 },
  { label: "250 countries", countries: 250, prefixes: 2000 },
  { label: "2,500 countries (tenfold)", countries: 2500, prefixes: 20000 },
];

console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores`,
);
console.log("| catalogue | format | first byte | last byte | CPU | size | peak RSS |");
console.log("|---|---|---:|---:|---:|---:|---:|");
for (const c of CASES) {
  for (const format of ["pdf", "xlsx"]) {
    const out = execFileSync(
      "npx",
      ["tsx", "bench/pricelist/generate-one.ts", String(c.countries), String(c.prefixes), format],
      { encoding: "utf8" },
    );
    const r = JSON.parse(out.trim().split("\n").at(-1)!);
    console.log(
      `| ${c.label} (${c.prefixes} prefix rows) | ${format} | ${r.firstByteMs} ms | ${r.totalMs} ms | ${r.cpuMs} ms | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.peakRssMb} MiB (${r.baselineRssMb} before) |`,
    );
  }
}
