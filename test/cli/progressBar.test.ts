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
    const progress = progressBar(10_000_000, stream);
    progress.advance(5_000_000, 50_000);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\r\[#{12}-{12}\] {2}50% {2}[\d,]+ events\/s {2}\d+ s left $/);
    progress.advance(1_000, 10); // within 100 ms of the last drawing: not drawn again
    expect(written).toHaveLength(1);
    progress.finish();
    expect(written.at(-1)).toBe("\r\u001b[2K");
  });
});
