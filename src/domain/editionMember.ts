import { z } from "zod";
import { SlugSchema, SourceSchema } from "./eventSchema.js";

const Name = z.string().trim().min(1, { error: "must not be empty" }).max(500);

/**
 * One member of a list edition as a members file gives it: the name the list printed, and
 * optionally the registry id it is (or is to be), other names, the listed parent, a source of
 * its own and its confidence. In CSV, `aliases` are separated by `;` and `source` is `Publisher | Title | URL` or a URL.
 */
export const EditionMemberSchema = z.strictObject({
  name: Name,
  id: SlugSchema.optional(),
  aliases: z.array(Name).default([]),
  parent: Name.optional(),
  source: SourceSchema.optional(),
  /** How well the sources establish this member, when it differs from the edition's. */
  confidence: z.enum(["high", "medium", "low"]).optional(),
});

export type EditionMember = z.infer<typeof EditionMemberSchema>;

/** A member and the line of the members file it came from. */
export interface EditionMemberLine {
  member: EditionMember;
  line: number;
}
