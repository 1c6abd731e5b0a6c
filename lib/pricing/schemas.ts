import { z } from "zod";

/** A tier's code as URLs carry it ("GOLD", "END_USER"); anything else cannot name a tier. */
export const ZTierCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/);
