/**
 * Answers already computed, by request URL and everything the answer depends on (the stream
 * heads it reads, the date taken for today, the media type): the same question on the same log
 * is answered from memory, and a changed stream head is a new key. The oldest entries go first.
 */
export class AnswerCache {
  private readonly answers = new Map<string, string>();

  constructor(private readonly capacity = 1_000) {}

  /**
   * The answer under `key`, computed by `compute` and kept when it was not there yet.
   *
   * @example
   * cache.answer(`${url}\0${etag}`, () => JSON.stringify(body()));
   */
  answer(key: string, compute: () => string): string {
    const known = this.answers.get(key);
    if (known !== undefined) {
      // Most recently used last: Map keeps insertion order.
      this.answers.delete(key);
      this.answers.set(key, known);
      return known;
    }
    const text = compute();
    if (this.answers.size >= this.capacity) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    this.answers.set(key, text);
    return text;
  }
}
