import { z } from "zod";
import { dispatchableProblems, DISPATCHABLE_COUNTRIES } from "@/lib/validation/dispatchable";
import { e164Problem } from "@/lib/validation/phone";
import { normalisePostcode, postcodeProblem } from "@/lib/validation/postcode";
import { inLatitudeRange, inLongitudeRange, insideCountry } from "./bounding-boxes";

// One schema for the site form (react-hook-form) and the server (actions, CSV import): every field
// arrives as text, as a form and a CSV row give it.
const text = (label: string, min: number, max: number) =>
  z.string().trim().min(min, `${label} is required`).max(max, `${label} is at most ${max} characters`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters`)
    .optional()
    .transform((v) => v || undefined);
// At most 6 decimals: the column is numeric(9, 6), about 10 cm.
const COORDINATE = /^-?\d{1,3}(?:\.\d{1,6})?$/;
const coordinate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine(
      (v) => v === undefined || COORDINATE.test(v),
      `${label}: a decimal number with at most 6 decimals, e.g. 45.464211`,
    );

export { DISPATCHABLE_COUNTRIES };

export const ZSite = z
  .object({
    name: text("Site name", 2, 120),
    street: text("Street", 2, 200),
    houseNumber: text("House number", 1, 20),
    postcode: text("Postcode", 2, 12).transform(normalisePostcode),
    city: text("City", 2, 100),
    region: optionalText("Region", 100),
    countryCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Choose the country"),
    building: optionalText("Building", 60),
    floor: optionalText("Floor", 20),
    room: optionalText("Room or suite", 40),
    latitude: coordinate("Latitude"),
    longitude: coordinate("Longitude"),
    callbackNumber: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .superRefine((v, ctx) => {
        const problem = v === undefined ? null : e164Problem(v);
        if (problem) ctx.addIssue({ code: "custom", message: `Callback number in E.164 form: ${problem}` });
      }),
  })
  .superRefine((site, ctx) => {
    const postcode = postcodeProblem(site.countryCode, site.postcode);
    if (postcode) ctx.addIssue({ code: "custom", path: ["postcode"], message: postcode });
    checkCoordinates(site, ctx);
    for (const problem of dispatchableProblems(site))
      ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message });
    if (DISPATCHABLE_COUNTRIES.includes(site.countryCode) && !site.callbackNumber) {
      ctx.addIssue({
        code: "custom",
        path: ["callbackNumber"],
        message: "A dispatchable location (E911) needs the callback number",
      });
    }
  });
export type TSite = z.output<typeof ZSite>;
export type TSiteForm = z.input<typeof ZSite>;

function checkCoordinates(site: { countryCode: string; latitude?: string; longitude?: string }, ctx: z.RefinementCtx) {
  if (!site.latitude && !site.longitude) return;
  if (!site.latitude || !site.longitude) {
    ctx.addIssue({
      code: "custom",
      path: [site.latitude ? "longitude" : "latitude"],
      message: "Give both latitude and longitude, or neither",
    });
    return;
  }
  const [lat, lon] = [Number(site.latitude), Number(site.longitude)];
  if (!inLatitudeRange(lat))
    ctx.addIssue({ code: "custom", path: ["latitude"], message: "Latitude is between -90 and 90" });
  if (!inLongitudeRange(lon))
    ctx.addIssue({ code: "custom", path: ["longitude"], message: "Longitude is between -180 and 180" });
  if (inLatitudeRange(lat) && inLongitudeRange(lon) && !insideCountry(site.countryCode, lat, lon)) {
    ctx.addIssue({
      code: "custom",
      path: ["latitude"],
      message: `These coordinates are outside ${site.countryCode}: check them, or latitude and longitude swapped`,
    });
  }
}
