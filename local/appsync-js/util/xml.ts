import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UtilArgumentError } from '../errors.js';
import { describe } from './arg-checks.js';
import { decodeXmlEntities, xmlTextToValue } from './xml-values.js';

/**
 * `util.xml` (https://docs.aws.amazon.com/appsync/latest/devguide/xml-helpers-in-util-xml-js.html). An element with
 * only text becomes its (typed) text, repeated child elements become a list, attributes sit beside child elements,
 * and text next to attributes or children goes under `content`; an empty element is "".
 */

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = ':@';
const CONTENT = 'content';

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: CDATA,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  // Entities are decoded below in a single pass, so `&amp;#65;` stays the text `&#65;`.
  processEntities: false,
});

/** A key seen twice turns into a list, in document order. */
function accumulate(target: Record<string, unknown>, key: string, value: unknown): void {
  if (!Object.hasOwn(target, key)) target[key] = value;
  else {
    const existing = target[key];
    if (Array.isArray(existing)) existing.push(value);
    else target[key] = [existing, value];
  }
}

function cdataText(children: unknown): string {
  return Array.isArray(children) ? children.map((c) => String((c as OrderedNode)[TEXT] ?? '')).join('') : '';
}

function convertChildren(children: unknown[], into: Record<string, unknown>): void {
  for (const child of children as OrderedNode[]) {
    for (const [key, value] of Object.entries(child)) {
      if (key === ATTRIBUTES) continue;
      if (key === TEXT) accumulate(into, CONTENT, xmlTextToValue(decodeXmlEntities(String(value))));
      // CDATA is literal text: never typed.
      else if (key === CDATA) accumulate(into, CONTENT, cdataText(value));
      else accumulate(into, key, convertElement(child, value));
    }
  }
}

function convertElement(node: OrderedNode, children: unknown): unknown {
  const result: Record<string, unknown> = {};
  const attributes = node[ATTRIBUTES];
  if (attributes && typeof attributes === 'object') {
    for (const [name, value] of Object.entries(attributes)) {
      // A bare attribute (`<a flag>`) has no text: empty string, like `<a></a>`.
      accumulate(result, name, value === true ? '' : xmlTextToValue(decodeXmlEntities(String(value))));
    }
  }
  if (Array.isArray(children)) convertChildren(children, result);
  const keys = Object.keys(result);
  if (keys.length === 0) return '';
  if (keys.length === 1 && keys[0] === CONTENT) return result[CONTENT];
  return result;
}

function toMap(xmlText: unknown): Record<string, unknown> | null {
  if (xmlText === null || xmlText === undefined) return null;
  if (typeof xmlText !== 'string') {
    throw new UtilArgumentError(`util.xml.toMap: the argument must be an XML string, got ${describe(xmlText)}`);
  }
  const result: Record<string, unknown> = {};
  if (xmlText.trim() === '') return result;
  const verdict = XMLValidator.validate(xmlText, { allowBooleanAttributes: true });
  if (verdict !== true) {
    throw new UtilArgumentError(`util.xml: invalid XML at line ${verdict.err.line}: ${verdict.err.msg}`);
  }
  const nodes = parser.parse(xmlText) as unknown[];
  // Text outside the root element (only whitespace is valid there) carries no data.
  convertChildren(nodes.filter((n) => !Object.hasOwn(n as OrderedNode, TEXT)), result);
  return result;
}

/** With `stringEncode`, the JSON itself is returned as a JSON string literal, ready to embed in another JSON. */
function toJsonString(xmlText: unknown, stringEncode?: unknown): string {
  const json = JSON.stringify(toMap(xmlText));
  return stringEncode === true ? JSON.stringify(json) : json;
}

export const xml = { toMap, toJsonString };
