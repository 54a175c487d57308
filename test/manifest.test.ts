/**
 * Offline checks of manifest.xml (office-addin-manifest validate needs the network): well-formed XML,
 * schema element order, resource ids, the shared runtime, one https origin, zh-CN overrides and icons.
 *
 * The checks are a function from manifest text to a list of problems, so the tests below can also feed
 * it broken variants and see each problem reported: a check that cannot fail checks nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * xml2js, the parser office-addin-manifest reads XML manifests with, as a second and independent
 * opinion on well-formedness. Resolved from office-addin-manifest (a devDependency that depends on it),
 * so it is found wherever npm puts it. office-addin-manifest's own modules cannot be loaded under jest:
 * they require ES-module-only packages (uuid, strip-bom).
 */
interface Xml2jsNode {
  "#name": string;
  $$?: Xml2jsNode[];
}
const xml2js = require(
  require.resolve("xml2js", { paths: [path.dirname(require.resolve("office-addin-manifest/package.json"))] })
) as { parseStringPromise(xml: string, options: object): Promise<Record<string, Xml2jsNode>> };

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const MANIFEST = fs.readFileSync(MANIFEST_PATH, "utf8");

// --- A small well-formedness parser (elements in document order, which xml2js does not keep) ------

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

class XmlSyntaxError extends Error {}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(raw: string, where: () => string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== "&") {
      out += raw[i];
      continue;
    }
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(raw);
    if (!m) throw new XmlSyntaxError(`bad entity reference ${where()}`);
    const body = m[0].slice(1, -1);
    out += body.startsWith("#x")
      ? String.fromCodePoint(parseInt(body.slice(2), 16))
      : body.startsWith("#")
        ? String.fromCodePoint(parseInt(body.slice(1), 10))
        : NAMED_ENTITIES[body];
    i += m[0].length - 1;
  }
  return out;
}

/** Parses an XML document, throwing XmlSyntaxError (with a line number) when it is not well-formed. */
function parseXml(source: string): XmlElement {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineAt = (p: number) => source.slice(0, p).split("\n").length;
  const fail = (message: string, at = pos): never => {
    throw new XmlSyntaxError(`${message} (line ${lineAt(at)})`);
  };
  const readName = () => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (!m) fail("expected a name");
    pos += m![0].length;
    return m![0];
  };
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos])) pos++;
  };
  /** Comments and processing instructions; returns false when none is at pos. */
  const skipMisc = () => {
    if (source.startsWith("<!--", pos)) {
      const end = source.indexOf("-->", pos + 4);
      if (end < 0) fail("unterminated comment");
      if (source.slice(pos + 4, end).includes("--")) fail("'--' inside a comment");
      pos = end + 3;
      return true;
    }
    if (source.startsWith("<?", pos)) {
      const end = source.indexOf("?>", pos);
      if (end < 0) fail("unterminated processing instruction");
      if (/^<\?xml\s/i.test(source.slice(pos, pos + 6)) && pos > (source.charCodeAt(0) === 0xfeff ? 1 : 0)) {
        fail("XML declaration not at the start");
      }
      pos = end + 2;
      return true;
    }
    if (source.startsWith("<!DOCTYPE", pos)) fail("DOCTYPE is not expected in a manifest");
    return false;
  };

  const parseElement = (): XmlElement => {
    const start = pos;
    pos++; // "<"
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: "", line: lineAt(start) };
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith("/>", pos)) {
        pos += 2;
        return element;
      }
      if (source[pos] === ">") {
        pos++;
        break;
      }
      if (pos === before) fail(`expected whitespace before an attribute of <${element.name}>`);
      const attr = readName();
      skipSpace();
      if (source[pos] !== "=") fail(`attribute ${attr} of <${element.name}> has no value`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${element.name}> is not quoted`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) fail(`unterminated value of attribute ${attr}`);
      const raw = source.slice(pos + 1, end);
      if (raw.includes("<")) fail(`'<' in the value of attribute ${attr}`);
      if (attr in element.attributes) fail(`duplicate attribute ${attr} on <${element.name}>`);
      element.attributes[attr] = decodeEntities(raw, () => `in attribute ${attr} (line ${lineAt(pos)})`);
      pos = end + 1;
    }
    // Content
    for (;;) {
      if (pos >= source.length) fail(`<${element.name}> is never closed`, start);
      if (source.startsWith("</", pos)) {
        pos += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}> opened on line ${element.line}`);
        skipSpace();
        if (source[pos] !== ">") fail(`malformed end tag </${name}>`);
        pos++;
        return element;
      }
      if (source.startsWith("<![CDATA[", pos)) {
        const end = source.indexOf("]]>", pos);
        if (end < 0) fail("unterminated CDATA section");
        element.text += source.slice(pos + 9, end);
        pos = end + 3;
        continue;
      }
      if (skipMisc()) continue;
      if (source[pos] === "<") {
        element.children.push(parseElement());
        continue;
      }
      const next = source.indexOf("<", pos);
      const raw = source.slice(pos, next < 0 ? source.length : next);
      if (raw.includes("]]>")) fail("']]>' in text");
      element.text += decodeEntities(raw, () => `in text (line ${lineAt(pos)})`);
      pos += raw.length;
    }
  };

  let root: XmlElement | null = null;
  for (;;) {
    skipSpace();
    if (pos >= source.length) break;
    if (skipMisc()) continue;
    if (source[pos] !== "<") fail("text outside the root element");
    if (root !== null) fail("more than one root element");
    root = parseElement();
  }
  if (root === null) fail("no root element");
  return root!;
}

// --- Manifest checks ---------------------------------------------------------------------------

const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

/** Child order of OfficeApp (TaskPaneApp) in the add-in manifest schema, optional elements included. */
const OFFICEAPP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
  "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
  "DefaultSettings", "Permissions", "AllowSnapshot", "Dictionary", "VersionOverrides", "ExtendedOverrides",
];
/** What this add-in must have, in order. */
const OFFICEAPP_REQUIRED = [
  "Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
  "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
  "Permissions", "VersionOverrides",
];
const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"];
const DESKTOP_ORDER = ["GetStarted", "FunctionFile", "ExtensionPoint"];
const CUSTOM_FUNCTIONS_ORDER = ["Script", "Page", "Metadata", "Namespace"];
const RESOURCES_ORDER = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
/** Which resource list an element's resid must point into. */
const RESID_KIND: Record<string, string> = {
  "bt:Image": "bt:Images",
  SourceLocation: "bt:Urls",
  FunctionFile: "bt:Urls",
  Runtime: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Namespace: "bt:ShortStrings",
  Description: "bt:LongStrings",
};
const MAX_LENGTH: Record<string, number> = { "bt:ShortStrings": 125, "bt:LongStrings": 250 };
const SECOND_LOCALE = "zh-CN";

const child = (e: XmlElement | undefined, name: string) => e?.children.find((c) => c.name === name);
const childrenNamed = (e: XmlElement | undefined, name: string) => e?.children.filter((c) => c.name === name) ?? [];
const path_ = (e: XmlElement | undefined, ...names: string[]) => names.reduce<XmlElement | undefined>(child, e);
function* walk(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const c of e.children) yield* walk(c);
}

/** Problems with the order of `names` against `order`; unknown names are problems too. */
function orderProblems(where: string, names: string[], order: string[]): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const name of names) {
    const index = order.indexOf(name);
    if (index < 0) problems.push(`${where}: unexpected element <${name}>`);
    else if (index < last) problems.push(`${where}: <${name}> is out of schema order (expected ${order.join(", ")})`);
    else last = index;
  }
  return problems;
}

interface ResourceEntry {
  kind: string;
  element: XmlElement;
}

/**
 * Requirement sets Excel on iPad supports that the base manifest may ask for (ExcelApi is there; SharedRuntime
 * and CustomFunctionsRuntime are not: learn.microsoft.com/office/dev/add-ins/reference/requirement-sets).
 */
const IPAD_SETS = new Set(["ExcelApi"]);

/** Everything wrong with a manifest; an empty list means it passes. */
function manifestProblems(xml: string): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    return [`not well-formed XML: ${(err as Error).message}`];
  }
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };

  // Root and top-level order
  expect(root.name === "OfficeApp", `root element is <${root.name}>, not <OfficeApp>`);
  expect(root.attributes.xmlns === NS_OFFICEAPP, "OfficeApp has the wrong default namespace");
  expect(root.attributes["xsi:type"] === "TaskPaneApp", "OfficeApp is not a TaskPaneApp");
  const topNames = root.children.map((c) => c.name);
  problems.push(...orderProblems("OfficeApp", topNames, OFFICEAPP_ORDER));
  for (const name of OFFICEAPP_REQUIRED) expect(topNames.includes(name), `OfficeApp has no <${name}>`);
  for (const name of new Set(topNames)) expect(topNames.filter((n) => n === name).length === 1, `<${name}> appears more than once`);

  // Identity
  expect(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(child(root, "Id")?.text.trim() ?? ""), "Id is not a GUID");
  expect(child(root, "Version")?.text.trim() === "1.0.0.0", "Version is not 1.0.0.0");
  expect(child(root, "ProviderName")?.text.trim() === "Fairshare", "ProviderName is not Fairshare");
  expect(child(root, "DefaultLocale")?.text.trim() === "en-US", "DefaultLocale is not en-US");
  expect(child(root, "Permissions")?.text.trim() === "ReadWriteDocument", "Permissions is not ReadWriteDocument");
  const hostNames = childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attributes.Name);
  expect(hostNames.length === 1 && hostNames[0] === "Workbook", `Hosts should be exactly Workbook, got ${hostNames.join(", ")}`);
  // iPad: the base requirements must be ones Excel on iPad meets, or the add-in is not offered there at all;
  // what iPad lacks (SharedRuntime, custom functions) is required by VersionOverrides only, so there Office
  // ignores the overrides and opens the base manifest's task pane (learn.microsoft.com/javascript/api/manifest/requirements).
  const sets = new Map(childrenNamed(path_(root, "Requirements", "Sets"), "Set").map((s) => [s.attributes.Name, s.attributes.MinVersion]));
  expect(sets.get("ExcelApi") === "1.9", "Requirements lack ExcelApi 1.9");
  for (const name of sets.keys()) expect(IPAD_SETS.has(name), `base Requirements ask for ${name}, which Excel on iPad lacks: the add-in would not be offered there`);
  expect(!!child(root, "DefaultSettings") && !!path_(root, "DefaultSettings", "SourceLocation")?.attributes.DefaultValue, "no DefaultSettings SourceLocation: iPad would have no task pane");

  // Localized top-level texts
  for (const name of ["DisplayName", "Description"]) {
    const e = child(root, name);
    expect(!!e?.attributes.DefaultValue?.trim(), `${name} has no DefaultValue`);
    const zh = childrenNamed(e, "Override").find((o) => o.attributes.Locale === SECOND_LOCALE);
    expect(!!zh?.attributes.Value?.trim(), `${name} has no ${SECOND_LOCALE} override`);
  }

  // VersionOverrides
  const overrides = child(root, "VersionOverrides");
  expect(overrides?.attributes.xmlns === NS_OVERRIDES, "VersionOverrides has the wrong namespace");
  expect(overrides?.attributes["xsi:type"] === "VersionOverridesV1_0", "VersionOverrides is not VersionOverridesV1_0");
  problems.push(...orderProblems("VersionOverrides", overrides?.children.map((c) => c.name) ?? [], ["Description", "Requirements", "Hosts", "Resources"]));
  const overrideSets = new Map(childrenNamed(path_(overrides, "Requirements", "bt:Sets"), "bt:Set").map((s) => [s.attributes.Name, s.attributes.MinVersion]));
  expect(overrideSets.get("SharedRuntime") === "1.1", "VersionOverrides Requirements lack SharedRuntime 1.1");
  // 1.2: allowErrorForDataTypeAny in functions.json needs it.
  expect(overrideSets.get("CustomFunctionsRuntime") === "1.2", "VersionOverrides Requirements lack CustomFunctionsRuntime 1.2");
  const host = path_(overrides, "Hosts", "Host");
  expect(host?.attributes["xsi:type"] === "Workbook", "VersionOverrides has no Workbook host");
  const hostChildren = host?.children.map((c) => c.name) ?? [];
  expect(hostChildren[0] === "Runtimes", "<Runtimes> is not the first child of <Host>");
  problems.push(...orderProblems("Host", hostChildren, HOST_ORDER));
  const runtimes = childrenNamed(child(host, "Runtimes"), "Runtime");
  expect(runtimes.length === 1, `expected one <Runtime>, found ${runtimes.length}`);
  const runtimeResid = runtimes[0]?.attributes.resid;
  expect(runtimes[0]?.attributes.lifetime === "long", "the runtime's lifetime is not long");

  const desktop = child(host, "DesktopFormFactor");
  problems.push(...orderProblems("DesktopFormFactor", desktop?.children.map((c) => c.name) ?? [], DESKTOP_ORDER));
  const customFunctions = childrenNamed(child(host, "AllFormFactors"), "ExtensionPoint").find((e) => e.attributes["xsi:type"] === "CustomFunctions");
  expect(customFunctions !== undefined, "no CustomFunctions extension point under AllFormFactors");
  problems.push(...orderProblems("CustomFunctions", customFunctions?.children.map((c) => c.name) ?? [], CUSTOM_FUNCTIONS_ORDER));
  const showTaskpane = desktop ? [...walk(desktop)].find((e) => e.name === "Action" && e.attributes["xsi:type"] === "ShowTaskpane") : undefined;
  expect(child(showTaskpane, "TaskpaneId") === undefined, "ShowTaskpane has a TaskpaneId under the long-lifetime runtime");
  expect(
    desktop !== undefined && [...walk(desktop)].some((e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === "PrimaryCommandSurface"),
    "no PrimaryCommandSurface extension point"
  );

  // The shared runtime: one page for the runtime, the functions page, the function file and the pane.
  const runtimeUsers: Array<[string, string | undefined]> = [
    ["CustomFunctions Page", path_(customFunctions, "Page", "SourceLocation")?.attributes.resid],
    ["FunctionFile", child(desktop, "FunctionFile")?.attributes.resid],
    ["ShowTaskpane", child(showTaskpane, "SourceLocation")?.attributes.resid],
  ];
  for (const [what, resid] of runtimeUsers) {
    expect(resid !== undefined && resid === runtimeResid, `${what} uses resid ${resid}, not the runtime's ${runtimeResid}`);
  }

  // Resources: ids unique, every reference resolves to the right kind, every resource used
  const resources = child(overrides, "Resources");
  problems.push(...orderProblems("Resources", resources?.children.map((c) => c.name) ?? [], RESOURCES_ORDER));
  const byId = new Map<string, ResourceEntry>();
  for (const list of resources?.children ?? []) {
    for (const entry of list.children) {
      const id = entry.attributes.id;
      expect(!!id, `a resource in <${list.name}> has no id`);
      if (!id) continue;
      expect(!byId.has(id), `resource id ${id} is defined twice`);
      byId.set(id, { kind: list.name, element: entry });
    }
  }
  const used = new Set<string>();
  for (const e of host ? walk(host) : []) {
    const resid = e.attributes.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const entry = byId.get(resid);
    if (!entry) {
      problems.push(`<${e.name} resid="${resid}"> (line ${e.line}) refers to no resource`);
      continue;
    }
    const kind = RESID_KIND[e.name];
    expect(kind === undefined || kind === entry.kind, `<${e.name} resid="${resid}"> should point into ${kind}, not ${entry.kind}`);
  }
  for (const id of byId.keys()) expect(used.has(id), `resource ${id} is never used`);

  const resourceValue = (id: string | undefined) => (id === undefined ? undefined : byId.get(id)?.element.attributes.DefaultValue);
  const overrideValue = (id: string | undefined, locale: string) =>
    id === undefined ? undefined : childrenNamed(byId.get(id)?.element, "bt:Override").find((o) => o.attributes.Locale === locale)?.attributes.Value;

  // Strings: a zh-CN override for each, nothing empty, within the schema's length limits
  for (const [id, { kind, element }] of byId) {
    if (kind !== "bt:ShortStrings" && kind !== "bt:LongStrings") continue;
    const english = element.attributes.DefaultValue ?? "";
    const chinese = overrideValue(id, SECOND_LOCALE) ?? "";
    expect(english.trim() !== "", `string ${id} is empty`);
    expect(chinese.trim() !== "", `string ${id} has no ${SECOND_LOCALE} override`);
    for (const value of [english, chinese]) expect(value.length <= MAX_LENGTH[kind], `string ${id} is longer than ${MAX_LENGTH[kind]} characters`);
  }

  // Custom functions: script, metadata (with the zh-CN file), namespace
  const scriptUrl = resourceValue(path_(customFunctions, "Script", "SourceLocation")?.attributes.resid);
  expect(scriptUrl?.endsWith("/functions.js") === true, `the functions script URL is ${scriptUrl}`);
  const metadataResid = path_(customFunctions, "Metadata", "SourceLocation")?.attributes.resid;
  expect(resourceValue(metadataResid)?.endsWith("/functions.json") === true, "the functions metadata URL does not end in functions.json");
  expect(
    overrideValue(metadataResid, SECOND_LOCALE)?.endsWith(`/functions.${SECOND_LOCALE}.json`) === true,
    `the functions metadata has no ${SECOND_LOCALE} override pointing to functions.${SECOND_LOCALE}.json`
  );
  expect(resourceValue(child(customFunctions, "Namespace")?.attributes.resid) === "FAIRSHARE", "the functions namespace is not FAIRSHARE");
  expect(
    resourceValue(runtimeResid) === child(child(root, "DefaultSettings"), "SourceLocation")?.attributes.DefaultValue,
    "the runtime page is not the DefaultSettings SourceLocation"
  );

  // URLs: all https, all on one origin
  const urls: Array<[string, string]> = [];
  for (const e of walk(root)) {
    if (e.name === "AppDomain") urls.push([`AppDomain (line ${e.line})`, e.text.trim()]);
    for (const attr of ["DefaultValue", "Value"]) {
      const value = e.attributes[attr];
      if (value !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push([`<${e.name}> ${attr} (line ${e.line})`, value]);
    }
  }
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    expect(urls.some(([where]) => where.startsWith(`<${name}>`)), `${name} is not an absolute URL`);
  }
  const origins = new Set<string>();
  for (const [where, value] of urls) {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      problems.push(`${where}: not a URL: ${value}`);
      continue;
    }
    expect(url.protocol === "https:", `${where}: not https: ${value}`);
    origins.add(url.origin);
  }
  expect(origins.size === 1, `URLs span more than one origin: ${[...origins].join(", ")}`);
  return problems;
}

// --- Icons --------------------------------------------------------------------------------------

function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  if (data.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a" || data.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The local file behind a manifest URL (https://origin/assets/x.png → assets/x.png). */
function localFile(url: string): string {
  return path.join(ROOT, new URL(url).pathname);
}

// --- Tests --------------------------------------------------------------------------------------

describe("manifest.xml", () => {
  it("passes every offline check", () => {
    expect(manifestProblems(MANIFEST)).toEqual([]);
  });

  it("parses the same with xml2js, the parser office-addin-manifest uses", async () => {
    const parsed = await xml2js.parseStringPromise(MANIFEST, { strict: true, explicitChildren: true, preserveChildrenOrder: true });
    const names = (node: Xml2jsNode | undefined): string[] => (node?.$$ ?? []).map((c) => c["#name"]);
    const ours = parseXml(MANIFEST);
    expect(names(parsed.OfficeApp)).toEqual(ours.children.map((c) => c.name));
    const theirHost = parsed.OfficeApp.$$?.find((c) => c["#name"] === "VersionOverrides")?.$$?.find((c) => c["#name"] === "Hosts")?.$$?.[0];
    expect(names(theirHost)).toEqual(path_(ours, "VersionOverrides", "Hosts", "Host")!.children.map((c) => c.name));
    await expect(xml2js.parseStringPromise(MANIFEST.replace("</ProviderName>", "</Provider>"), { strict: true })).rejects.toThrow();
  });

  it("points at icons that exist in assets/ with the declared sizes", () => {
    const root = parseXml(MANIFEST);
    const declared: Array<[string, number]> = [
      [child(root, "IconUrl")!.attributes.DefaultValue, 32],
      [child(root, "HighResolutionIconUrl")!.attributes.DefaultValue, 64],
    ];
    for (const e of walk(root)) {
      const size = /^Icon\.(\d+)x\1$/.exec(e.attributes.id ?? "");
      if (e.name === "bt:Image" && size) declared.push([e.attributes.DefaultValue, Number(size[1])]);
    }
    expect(declared.length).toBeGreaterThanOrEqual(5);
    for (const [url, size] of declared) {
      expect({ url, ...pngSize(localFile(url)) }).toEqual({ url, width: size, height: size });
    }
  });

  it("points its support page at a file that exists", () => {
    const root = parseXml(MANIFEST);
    expect(fs.existsSync(localFile(child(root, "SupportUrl")!.attributes.DefaultValue))).toBe(true);
  });

  describe("the checks catch broken manifests", () => {
    const broken: Array<[string, (xml: string) => string, RegExp]> = [
      ["an unclosed element", (x) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument"), /not well-formed/],
      ["mismatched tags", (x) => x.replace("</ProviderName>", "</Provider>"), /not well-formed.*closes <ProviderName>/],
      ["a bad entity", (x) => x.replace("inside Excel.", "inside Excel & more."), /not well-formed.*entity/],
      ["a duplicate attribute", (x) => x.replace('<Runtime resid="Taskpane.Url"', '<Runtime resid="Taskpane.Url" resid="X"'), /duplicate attribute/],
      ["top-level elements out of order", (x) => x.replace(/(\s*<Version>1\.0\.0\.0<\/Version>)(\s*<ProviderName>Fairshare<\/ProviderName>)/, "$2$1"), /out of schema order/],
      ["a missing required element", (x) => x.replace(/\s*<SupportUrl [^>]*\/>/, ""), /no <SupportUrl>/],
      ["Runtimes not first in Host", (x) => x.replace(/(\s*<Runtimes>[\s\S]*?<\/Runtimes>)(\s*<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/, "$2$1"), /Runtimes> is not the first child/],
      ["a second runtime resid", (x) => x.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'), /FunctionFile uses resid/],
      ["an undefined resid", (x) => x.replace('<Label resid="TaskpaneButton.Label"/>', '<Label resid="Nope"/>'), /refers to no resource/],
      ["an unused resource", (x) => x.replace("</bt:ShortStrings>", '<bt:String id="Unused" DefaultValue="x"><bt:Override Locale="zh-CN" Value="x"/></bt:String></bt:ShortStrings>'), /Unused is never used/],
      ["a resid of the wrong kind", (x) => x.replace('<Description resid="TaskpaneButton.Tooltip"/>', '<Description resid="TaskpaneButton.Label"/>'), /should point into bt:LongStrings/],
      ["a string without zh-CN", (x) => x.replace('<bt:Override Locale="zh-CN" Value="打开 Fairshare"/>', ""), /TaskpaneButton\.Label has no zh-CN override/],
      ["DisplayName without zh-CN", (x) => x.replace('<Override Locale="zh-CN" Value="Fairshare 公平分配"/>', ""), /DisplayName has no zh-CN override/],
      ["an http URL", (x) => x.replace('"https://localhost:3000/assets/icon-16.png"', '"http://localhost:3000/assets/icon-16.png"'), /not https/],
      ["a second origin", (x) => x.replace('"https://localhost:3000/assets/icon-80.png"', '"https://cdn.example.com/icon-80.png"'), /more than one origin/],
      ["another namespace", (x) => x.replace('DefaultValue="FAIRSHARE"', 'DefaultValue="FAIR"'), /namespace is not FAIRSHARE/],
      ["no zh-CN functions metadata", (x) => x.replace(/<bt:Override Locale="zh-CN" Value="[^"]*functions\.zh-CN\.json"\/>/, ""), /no zh-CN override pointing to functions\.zh-CN\.json/],
      ["no SharedRuntime requirement", (x) => x.replace('<bt:Set Name="SharedRuntime" MinVersion="1.1"/>', ""), /SharedRuntime/],
      ["SharedRuntime required in the base manifest (no add-in on iPad)", (x) => x.replace('<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.9"/><Set Name="SharedRuntime" MinVersion="1.1"/>'), /iPad lacks/],
      ["CustomFunctionsRuntime 1.1", (x) => x.replace('<bt:Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', '<bt:Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>'), /CustomFunctionsRuntime 1\.2/],
      ["ExcelApi understated", (x) => x.replace('<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>'), /ExcelApi 1\.9/],
      ["a TaskpaneId under the long-lifetime runtime", (x) => x.replace('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane"><TaskpaneId>ButtonId1</TaskpaneId>'), /TaskpaneId/],
    ];
    it.each(broken)("reports %s", (_what, mutate, expected) => {
      const mutated = mutate(MANIFEST);
      expect(mutated).not.toBe(MANIFEST); // the mutation applied
      const problems = manifestProblems(mutated);
      expect(problems.some((p) => expected.test(p))).toBe(true);
    });
  });
});
