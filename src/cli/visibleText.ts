/** The longest line of a message shown whole: longer ones echo some huge input. */
const MAX_LINE_CHARS = 2_000;

/**
 * Text safe to print to a terminal: control characters other than a line break or a tab (an
 * escape sequence could retitle or rewrite the terminal) shown as `\xNN` instead, and each line
 * over 2,000 characters cut short, saying how much was left out.
 *
 * @example
 * visibleText("unknown company \u001b]0;pwned\u0007"); // "unknown company \\x1b]0;pwned\\x07"
 */
export function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const escaped = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => {
    return `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
  return escaped
    .split("\n")
    .map((line) =>
      line.length <= MAX_LINE_CHARS
        ? line
        : `${line.slice(0, MAX_LINE_CHARS)}... (${(line.length - MAX_LINE_CHARS).toLocaleString("en-US")} more characters)`,
    )
    .join("\n");
}
