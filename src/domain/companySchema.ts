import { z } from "zod";
import { SlugSchema, TextSchema } from "./eventSchema.js";
import { EDITIONS_COMPANY } from "./editionStream.js";

/** One company of the registry `events/companies.json`: how users may name it. */
export const CompanySchema = z.strictObject({
  id: SlugSchema.refine((id) => id !== EDITIONS_COMPANY, {
    error: `"${EDITIONS_COMPANY}" is reserved for the streams of list editions`,
  }),
  /** The full name, as the lists or the courts give it. */
  name: TextSchema,
  /** Other names: short names, former names, court captions, names the lists misspelled. */
  aliases: z.array(TextSchema),
  /** Identifiers where the sources give them, e.g. { "ticker": "1810.HK" }. */
  identifiers: z.record(z.string(), TextSchema),
  /** The registry id of the listed parent a list names for this company, when it names one. */
  parent: SlugSchema.optional(),
});

export const CompanyRegistrySchema = z.array(CompanySchema);

export type Company = z.infer<typeof CompanySchema>;
