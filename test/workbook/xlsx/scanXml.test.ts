/**
 * The sheet scanner works on bytes with a carry between chunks: the same events whatever the chunk
 * boundaries (inside a tag, an entity, a multi-byte character), and errors for what is not well-formed.
 */
import { attribute, eachAttribute, scanXml } from "../../../src/workbook/xlsx/scanXml";
import { ZipFormatError } from "../../../src/workbook/xlsx/zip";

const XML =
  '\ufeff<?xml version="1.0"?>\n<x:worksheet xmlns:x="m"><!-- a > comment --><x:sheetData>' +
  '<x:row r="1"><x:c r="A1" t="inlineStr" note="a>b"><x:is><x:t>东京 &amp; &#x41;&lt;</x:t></x:is></x:c>' +
  "<x:c r='B1'><x:v>1.5</x:v></x:c><x:c r=\"C1\"/><![CDATA[<raw>]]></x:row></x:sheetData></x:worksheet>";

async function events(chunkSize: number, xml = XML, encoding: BufferEncoding = "utf8"): Promise<string[]> {
  const bytes = encoding === "utf16le" ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace(/^\ufeff/, ""), "utf16le")]) : Buffer.from(xml, "utf8");
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const out: string[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push(`text ${text}`);
    text = "";
  };
  await scanXml(
    chunks(),
    {
      open: (name, raw, self) => (flush(), out.push(`open ${name}${raw}${self ? " /" : ""}`)),
      close: (name) => (flush(), out.push(`close ${name}`)),
      text: (t) => void (text += t),
    },
    "part.xml",
  );
  return out;
}

test("the same events for every chunk size, in UTF-8 and UTF-16", async () => {
  const expected = [
    'open worksheet xmlns:x="m"',
    "open sheetData",
    'open row r="1"',
    'open c r="A1" t="inlineStr" note="a>b"',
    "open is",
    "open t",
    "text 东京 & A<",
    "close t",
    "close is",
    "close c",
    "open c r='B1'",
    "open v",
    "text 1.5",
    "close v",
    "close c",
    'open c r="C1" /',
    "close c",
    "text <raw>",
    "close row",
    "close sheetData",
    "close worksheet",
  ];
  for (const size of [1, 2, 3, 7, 64, 100000]) expect(await events(size)).toEqual(expected);
  expect(await events(5, XML, "utf16le")).toEqual(expected);
});

test.each([
  ["unbalanced tags", "<a><b></a></b>", /<\/a> closes <b>/],
  ["cut short", "<a><b>", /not closed/],
  ["a bad entity", "<a>&bogus;</a>", /bad entity/],
  ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY x "y">]><a/>', /a DOCTYPE declaration/],
  ["text outside the root", "<a/>junk", /outside the root/],
  ["two roots", "<a/><b/>", /after the root/],
  ["nothing", "   ", /no root element/],
])("%s is refused", async (_, xml, message) => {
  const err = await events(3, xml).catch((e) => e);
  expect(err).toBeInstanceOf(ZipFormatError);
  expect(err.message).toMatch(message);
  expect(err.message).toContain("part.xml");
});

test("attributes", () => {
  expect(attribute(' r="A1" t="s" s="3"', "t")).toBe("s");
  expect(attribute(' ht="9" t="n"', "t")).toBe("n");
  expect(attribute(" r = 'A&amp;1'", "r")).toBe("A&1");
  expect(attribute(' r="A1"', "s")).toBeNull();
  const seen: string[][] = [];
  eachAttribute(' r="B2" s=\'4\'  t = "str"', (k, v) => seen.push([k, v]));
  expect(seen).toEqual([["r", "B2"], ["s", "4"], ["t", "str"]]);
});
