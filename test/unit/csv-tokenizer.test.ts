import { describe, expect, it } from "vitest";
import { CsvTokenizer } from "~/opendata/csv-tokenizer";

function tokenize(text: string, delimiter = ",", chunkSize = text.length) {
  const t = new CsvTokenizer(delimiter);
  const records = [];
  for (let i = 0; i < text.length; i += chunkSize)
    records.push(...t.push(text.slice(i, i + chunkSize)));
  records.push(...t.end());
  return records;
}

describe("the CSV tokenizer", () => {
  const text = 'a,b,c\r\n"x, y","say ""hi""",z\r\n\r\n"line\nbreak",,last\nno,newline,end';

  it("reads quoted fields, doubled quotes, CRLF, blank lines and a last line without a break", () => {
    expect(tokenize(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', "z"] },
      { line: 4, fields: ["line\nbreak", "", "last"] },
      { line: 6, fields: ["no", "newline", "end"] },
    ]);
  });

  it("gives the same records whatever the chunk boundaries", () => {
    for (const size of [1, 2, 3, 7, 13]) expect(tokenize(text, ",", size)).toEqual(tokenize(text));
  });

  it("splits on semicolons for Excel exports", () => {
    expect(tokenize("a;b\n1,5;2\n", ";")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1,5", "2"] },
    ]);
  });

  it("keeps quotes that end a quoted field before a doubled quote", () => {
    expect(tokenize('"ENRICO FERMI"" - BIBBIENA""",x\n')).toEqual([
      { line: 1, fields: ['ENRICO FERMI" - BIBBIENA"', "x"] },
    ]);
  });
});
