/**
 * Text safe to print to a terminal: control characters other than a line break or a tab (an
 * escape sequence could retitle or rewrite the terminal) shown as `\xNN` instead.
 *
 * @example
 * visibleText("unknown company \u001b]0;pwned\u0007"); // "unknown company \\x1b]0;pwned\\x07"
 */
export function visibleText(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => {
    return `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
}
