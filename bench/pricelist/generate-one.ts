// One measurement in a process of its own, so its peak memory is its own:
//   tsx bench/pricelist/generate-one.ts <countries> <prefixes> <pdf|xlsx>
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { priceListPdf } from "@/lib/pricing/documents/pdf";
import { writePriceListXlsx } from "@/lib/pricing/documents/xlsx";
import { syntheticCatalogue } from "./synthetic-catalogue";

const [countries, prefixes] = process.argv.slice(2, 4).map(Number);
const format = process.argv[4] as "pdf" | "xlsx";
const catalogue = syntheticCatalogue(countries, prefixes);
const baseline = process.memoryUsage().rss;

const start = performance.now();
const cpuStart = process.cpuUsage();
let firstByte = 0;
let bytes = 0;
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    if (!bytes) firstByte = performance.now() - start;
    bytes += chunk.length;
    done();
  },
});
if (format === "pdf") {
  await pipeline(priceListPdf(catalogue), sink);
} else {
  const stream = new PassThrough();
  await Promise.all([writePriceListXlsx(catalogue, stream), pipeline(stream, sink)]);
}
const total = performance.now() - start;
// CPU time too: on a shared machine the wall clock measures the neighbours as much as this code.
const cpu = process.cpuUsage(cpuStart);
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(
  JSON.stringify({
    countries,
    prefixes,
    format,
    firstByteMs: Math.round(firstByte),
    totalMs: Math.round(total),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    bytes,
    peakRssMb: Math.round(peakRss / 2 ** 20),
    baselineRssMb: Math.round(baseline / 2 ** 20),
  }),
);
