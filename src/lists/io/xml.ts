/**
 * Streams an XML file and hands back each record element (an `<INDIVIDUAL>`, a `<sdnEntry>`) as a
 * small tree, so memory stays bounded by the largest record, not the file. saxes refuses DTD
 * entities it does not know, which keeps entity-expansion bombs out.
 */
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { ListFormatError } from "../../errors.ts";
import type { ProgressSink } from "../types.ts";
import { openListFile } from "./input.ts";

export interface XmlNode {
  /** Local name, without namespace prefix. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  line: number;
}

export interface XmlRecord {
  node: XmlNode;
  /** Names of the open elements above the record, outermost first. */
  path: string[];
}

export interface XmlStreamOptions {
  format: string;
  /** Local names of the elements to hand back whole. */
  recordNames: ReadonlySet<string>;
  /** The root element the format must have; another root means the wrong format. */
  rootNames: ReadonlySet<string>;
  onProgress?: ProgressSink;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

export async function* streamXmlRecords(
  file: string,
  options: XmlStreamOptions,
): AsyncGenerator<XmlRecord> {
  const input = await openListFile(file, options.format, options.onProgress);
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  const path: string[] = [];
  let collecting = 0;
  let sawRoot = false;
  let ready: XmlRecord[] = [];
  const fail = (detail: string): never => {
    throw new ListFormatError(
      options.format,
      { file, line: parser.line, column: parser.column },
      detail,
    );
  };

  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    if (!sawRoot) {
      sawRoot = true;
      if (!options.rootNames.has(name)) fail(`unexpected root element <${name}>`);
    }
    if (collecting === 0 && !options.recordNames.has(name)) {
      path.push(name);
      return;
    }
    collecting++;
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) {
      attrs[localName(key)] = typeof value === "string" ? value : value.value;
    }
    const node: XmlNode = { name, attrs, children: [], text: "", line: parser.line };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on("text", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("cdata", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("closetag", () => {
    if (collecting === 0) {
      path.pop();
      return;
    }
    collecting--;
    const node = stack.pop();
    if (node && collecting === 0) ready.push({ node, path: [...path] });
  });
  parser.on("error", (error) => {
    fail(error.message.replace(/^.*?:\d+:\d+: /, ""));
  });

  // A chunk can end inside a multi-byte character; the decoder carries it over.
  const decoder = new StringDecoder("utf8");
  for await (const chunk of input) {
    parser.write(decoder.write(chunk as Buffer));
    if (ready.length > 0) {
      const batch = ready;
      ready = [];
      yield* batch;
    }
  }
  parser.write(decoder.end());
  parser.close();
  if (!sawRoot) fail("no XML element found");
  yield* ready;
}

/** Text of the first child with this name, trimmed; undefined when absent or empty. */
export function childText(node: XmlNode, name: string): string | undefined {
  const child = node.children.find((c) => c.name === name);
  const text = child?.text.trim();
  return text ? text : undefined;
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** All texts of `<VALUE>`-style grandchildren: `<NATIONALITY><VALUE>x</VALUE></NATIONALITY>`. */
export function nestedTexts(node: XmlNode, name: string, inner: string): string[] {
  return children(node, name).flatMap((c) =>
    children(c, inner)
      .map((v) => v.text.trim())
      .filter((t) => t !== ""),
  );
}

/** Every element with this name anywhere below `node`, in document order. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** A plain object of the node, for keeping the raw record. */
export function nodeToRaw(node: XmlNode): Record<string, unknown> {
  const out: Record<string, unknown> = { ...node.attrs };
  for (const c of node.children) {
    const value =
      c.children.length > 0 || Object.keys(c.attrs).length > 0 ? nodeToRaw(c) : c.text.trim();
    const existing = out[c.name];
    if (existing === undefined) out[c.name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[c.name] = [existing, value];
  }
  const text = node.text.trim();
  if (text && node.children.length === 0) out["#text"] = text;
  return out;
}
