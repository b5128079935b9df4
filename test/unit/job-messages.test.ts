import { describe, expect, it } from "vitest";
import { jobLine, readJobLine } from "~/infra/job-messages";

describe("the lines a job prints for the server", () => {
  it("read back as they were written", () => {
    const message = { type: "progress", done: 2000, total: 100000 } as const;
    expect(readJobLine(jobLine(message).trimEnd())).toEqual(message);
  });

  it("are told apart from anything else the command prints", () => {
    expect(readJobLine("Errore: file non leggibile")).toBeNull();
    expect(readJobLine("{not json")).toBeNull();
    expect(readJobLine('{"type":"rm -rf"}')).toBeNull();
  });
});
