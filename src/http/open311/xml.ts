// GeoReport v2's XML from the same values as its JSON (the spec's "Spark convention" read backwards): an object is an
// element per key in order, a list repeats its item element, null is an empty element. Text is escaped and characters
// XML 1.0 cannot hold are dropped, so any story or name a citizen typed still makes a well-formed document.
export type XmlValue = string | number | boolean | null | XmlObject | readonly XmlObject[];
export type XmlObject = { readonly [key: string]: XmlValue };

/** Characters outside XML 1.0's Char production (controls other than tab, newline, carriage return; lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

function element(tag: string, value: XmlValue, itemTags: Readonly<Record<string, string>>): string {
  if (value === null) return `<${tag}/>`;
  if (typeof value !== 'object') return `<${tag}>${escapeXml(String(value))}</${tag}>`;
  if (isList(value)) {
    const item = itemTags[tag] ?? 'item';
    return `<${tag}>${value.map((v) => element(item, v, itemTags)).join('')}</${tag}>`;
  }
  const children = Object.entries(value).map(([k, v]) => element(k, v, itemTags));
  return `<${tag}>${children.join('')}</${tag}>`;
}

function isList(value: XmlObject | readonly XmlObject[]): value is readonly XmlObject[] {
  return Array.isArray(value);
}

/**
 * A whole document: `<?xml …?>` then `root` holding `value`; `itemTags` names the element each list repeats
 * (`{ services: 'service' }`).
 */
export function xmlDocument(
  root: string,
  value: XmlValue,
  itemTags: Readonly<Record<string, string>>,
): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, itemTags)}\n`;
}
