import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progressBar.js";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe("progressBar", () => {
  it("writes nothing when stderr is not a terminal", () => {
    const { stream, written } = fakeStream(false);
    const progress = progressBar(50_000_000, stream);
    progress.advance(25_000_000, 100_000);
    progress.finish();
    expect(written).toEqual([]);
  });

  it("writes nothing for small work", () => {
    const { stream, written } = fakeStream(true);
    const progress = progressBar(500_000, stream);
    progress.advance(250_000, 1_000);
    progress.finish();
    expect(written).toEqual([]);
  });

  it("in a terminal, shows the share done, events per second and time left, then erases itself", () => {
    const { stream, written } = fakeStream(true);
    let clock = 1_000_000;
    const progress = progressBar(10_000_000, stream, () => clock);
    clock += 2_000; // two seconds in: half the bytes and 50,000 events
    progress.advance(5_000_000, 50_000);
    expect(written).toEqual(["\r[############------------]  50%  25,000 events/s  2 s left "]);
    clock += 99; // within 100 ms of the last drawing: not drawn again
    progress.advance(1_000, 10);
    expect(written).toHaveLength(1);
    clock += 1; // 100 ms after it: drawn again
    progress.advance(1_000, 10);
    expect(written).toHaveLength(2);
    progress.finish();
    expect(written.at(-1)).toBe("\r\u001b[2K");
  });
});
