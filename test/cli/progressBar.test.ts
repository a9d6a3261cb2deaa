import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progressBar.js";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 };
  return { stream, written };
}

describe("progressBar", () => {
  it("writes nothing when stderr is not a terminal", () => {
    const { stream, written } = fakeStream(false);
    const progress = progressBar(50_000_000, { stream });
    progress.advance(25_000_000, 100_000);
    progress.finish();
    expect(written).toEqual([]);
  });

  it("writes nothing for work under its minimum", () => {
    const { stream, written } = fakeStream(true);
    const progress = progressBar(500_000, { stream, minimum: 1_000_000 });
    progress.advance(250_000, 1_000);
    progress.finish();
    expect(written).toEqual([]);
  });

  it("in a terminal, shows the share done, events per second and time left, then erases itself", () => {
    const { stream, written } = fakeStream(true);
    let clock = 1_000_000;
    const progress = progressBar(10_000_000, { stream, now: () => clock, minimum: 1_000_000 });
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

  it("with `after`, draws nothing until the work has taken that long, and erases nothing it never drew", () => {
    const { stream, written } = fakeStream(true);
    let clock = 0;
    const progress = progressBar(100, { stream, now: () => clock, items: "runs", after: 1_000 });
    clock += 999;
    progress.advance(10, 10);
    expect(written).toEqual([]);
    clock += 1; // a second in: drawn, counting runs
    progress.advance(10, 10);
    expect(written).toEqual(["\r[#####-------------------]  20%  20 runs/s  4 s left "]);
    progress.finish();
    expect(written.at(-1)).toBe("\r\u001b[2K");

    const quick = fakeStream(true);
    const done = progressBar(100, { stream: quick.stream, now: () => 0, after: 1_000 });
    done.advance(100, 100);
    done.finish();
    expect(quick.written).toEqual([]);
  });
});
