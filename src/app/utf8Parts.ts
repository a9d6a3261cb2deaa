/**
 * Text gathered as UTF-8 in one buffer and handed on in parts of at most `size` bytes: each piece
 * encoded into the buffer as it comes, no string built of the pieces. A piece that could not fit
 * in an empty buffer is handed on by itself.
 *
 * @example
 * const parts = new Utf8Parts(1 << 16, (text) => process.stdout.write(text));
 * parts.text("xiaomi,"); parts.text("review\r\n"); parts.flush();
 */
export class Utf8Parts {
  private readonly buffer: Buffer;
  private used = 0;

  constructor(
    private readonly size: number,
    private readonly handOn: (text: string) => void,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Adds a string (UTF-8 takes at most 3 bytes a UTF-16 unit). */
  text(text: string): void {
    if (this.used + 3 * text.length > this.size) {
      this.flush();
      if (3 * text.length > this.size) {
        this.handOn(text);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  /** Hands on what is gathered. */
  flush(): void {
    if (this.used === 0) return;
    const text = this.buffer.toString("utf8", 0, this.used);
    this.used = 0;
    this.handOn(text);
  }
}
