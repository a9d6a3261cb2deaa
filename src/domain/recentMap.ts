/**
 * A map that keeps what was used lately: at most `limit` entries in each of two generations. When
 * the current generation is full it becomes the previous one (the one before is forgotten), and
 * an entry found in the previous generation moves back into the current. Unlike a map cleared
 * when full, what a long run keeps asking for stays; memory stays bounded. Values are never
 * `undefined`.
 *
 * @example
 * const names = new RecentMap<string, string>(10_000);
 * names.set("XIAOMI CORP", "xiaomi corp");
 * names.get("XIAOMI CORP"); // "xiaomi corp"
 */
export class RecentMap<Key, Value> {
  private current = new Map<Key, Value>();
  private previous = new Map<Key, Value>();

  constructor(private readonly limit: number) {}

  /**
   * The value of `key`, if it is kept.
   *
   * @example
   * new RecentMap<string, number>(2).get("a"); // undefined
   */
  get(key: Key): Value | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const older = this.previous.get(key);
    if (older !== undefined) this.set(key, older);
    return older;
  }

  /**
   * Keeps `value` for `key`.
   *
   * @example
   * new RecentMap<string, number>(2).set("a", 1);
   */
  set(key: Key, value: Value): void {
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}
