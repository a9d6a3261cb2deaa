import type { Source } from "./eventSchema.js";
import { SourceSchema } from "./eventSchema.js";

/**
 * A source as a user types it on one line: `Publisher | Title | URL`, or a bare URL (then the
 * publisher is the URL's host and the title is `fallbackTitle`). Returns the problem as a string
 * when the text is not a source.
 *
 * @example
 * sourceFromText("Federal Register | 86 FR 33994 | https://www.federalregister.gov/d/2021-13753", "x");
 * // { publisher: "Federal Register", title: "86 FR 33994", url: "https://www.federalregister.gov/d/2021-13753" }
 */
export function sourceFromText(text: string, fallbackTitle: string): Source | string {
  const parts = text.split("|").map((part) => part.trim());
  let candidate: Record<string, string>;
  if (parts.length === 1) {
    const url = parts[0] ?? "";
    let host = "";
    try {
      host = new URL(url).host;
    } catch {
      return `"${text}" is not a URL (nor "Publisher | Title | URL")`;
    }
    candidate = { publisher: host, title: fallbackTitle, url };
  } else if (parts.length === 3) {
    candidate = { publisher: parts[0] ?? "", title: parts[1] ?? "", url: parts[2] ?? "" };
  } else {
    return `"${text}" must be a URL or "Publisher | Title | URL"`;
  }
  const parsed = SourceSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `"${text}": ${issue?.path.join(".") ?? "source"} ${issue?.message ?? "is not valid"}`;
}
