/**
 * When two XML strings are the same document for @xmldom/xmldom 0.8.15's parser, except that one writes an
 * empty element `<n a="v"/>` and the other `<n a="v"></n>` (XML 1.0 §3.1: the two forms are equivalent).
 *
 * samlify 2.13.1 parses xml-crypto's canonical form of the signed assertion (exc-c14n writes every empty
 * element as a start and an end tag), serializes the result (xmldom writes `<n/>`) and then parses that
 * string again: the two strings differ only in that way, and the second parse rebuilds the first tree.
 * samlify-parse-memo.ts uses this to answer the second parse with the first Document.
 *
 * Sound by construction, not by guess: both strings are read with a deliberately narrow grammar, and any
 * step outside it answers false (the caller then parses as usual):
 *   - one root element and nothing around it; inside it only start tags, end tags and text;
 *   - no comment, CDATA, DOCTYPE or processing instruction (`<!`, `<?`);
 *   - names of characters xmldom takes as name characters (none of whitespace, `/ > = " ' <`, U+0080,
 *     U+0085, U+2028, which xmldom treats as separators or rewrites before parsing);
 *   - attributes `name="value"`, each after whitespace; no element named script or textarea (xmldom
 *     reads those as raw text in the XHTML namespace);
 *   - every end tag closes the innermost open element by its exact name, and all are closed at the end.
 * Within that grammar xmldom decides every token locally (its look-ahead for a missing end tag finds the
 * real one), so equal token sequences give equal parser callbacks and so equal trees. The sequences must
 * be equal token for token (raw text of each start tag, text and end tag), except that an empty element
 * on one side may be a start tag immediately followed by its end tag on the other.
 */

interface Token {
  /** 0 text, 1 start tag, 2 end tag. */
  kind: 0 | 1 | 2;
  /** Text: the raw text. Start tag: from `<` to the last character before `>` or `/>`. End tag: the name. */
  raw: string;
  selfClosing?: boolean;
}

/** Characters that end a name for xmldom's tag reader, or that it rewrites before parsing. */
function isNameChar(c: number): boolean {
  return c > 0x20 && c !== 0x2f && c !== 0x3e && c !== 0x3d && c !== 0x22 && c !== 0x27 && c !== 0x3c && c !== 0x80 && c !== 0x85 && c !== 0x2028;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const SPECIAL = /^(?:script|textarea)$/i;

/** The end of the name starting at `i` (i itself when there is none). */
function nameEnd(s: string, i: number): number {
  while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
  return i;
}

/** Reads the start tag at `i` (at `<`). Returns the index after it, or -1 outside the grammar. */
function startTag(s: string, i: number, out: Token[], stack: string[]): number {
  let p = nameEnd(s, i + 1);
  const name = s.slice(i + 1, p);
  if (name === '' || SPECIAL.test(name)) return -1;
  for (;;) {
    const spaced = p < s.length && isSpace(s.charCodeAt(p));
    while (p < s.length && isSpace(s.charCodeAt(p))) p++;
    const c = s.charCodeAt(p);
    if (c === 0x3e || (c === 0x2f && s.charCodeAt(p + 1) === 0x3e)) {
      const selfClosing = c === 0x2f;
      out.push({ kind: 1, raw: s.slice(i, p), selfClosing });
      if (!selfClosing) stack.push(name);
      return p + (selfClosing ? 2 : 1);
    }
    const attrEnd = nameEnd(s, p);
    if (!spaced || attrEnd === p || s.charCodeAt(attrEnd) !== 0x3d || s.charCodeAt(attrEnd + 1) !== 0x22) return -1;
    const close = s.indexOf('"', attrEnd + 2);
    if (close < 0) return -1;
    p = close + 1;
  }
}

/** The tokens of `s`, or undefined when `s` is outside the grammar. */
export function tokenize(s: string): Token[] | undefined {
  const out: Token[] = [];
  const stack: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (s.charCodeAt(i) !== 0x3c) {
      if (stack.length === 0) return undefined; // text outside the root element
      const next = s.indexOf('<', i);
      if (next < 0) return undefined;
      out.push({ kind: 0, raw: s.slice(i, next) });
      i = next;
      continue;
    }
    if (i > 0 && stack.length === 0) return undefined; // a second root
    const c = s.charCodeAt(i + 1);
    if (c === 0x21 || c === 0x3f) return undefined; // <! and <?
    if (c === 0x2f) {
      const end = nameEnd(s, i + 2);
      if (s.charCodeAt(end) !== 0x3e || stack.pop() !== s.slice(i + 2, end)) return undefined;
      out.push({ kind: 2, raw: s.slice(i + 2, end) });
      i = end + 1;
    } else {
      i = startTag(s, i, out, stack);
      if (i < 0) return undefined;
    }
  }
  return stack.length === 0 && out.length > 0 ? out : undefined;
}

/** True when `a[i]` (a start tag) is written empty and `b[j]`, `b[j + 1]` are the same start tag and its end tag. */
function expanded(a: Token[], i: number, b: Token[], j: number): boolean {
  const start = b[j] as Token;
  const end = b[j + 1];
  return !!a[i]?.selfClosing && !start.selfClosing && end?.kind === 2 && end.raw === nameOf(start.raw);
}

function nameOf(startRaw: string): string {
  return startRaw.slice(1, nameEnd(startRaw, 1));
}

/** True when xmldom 0.8.15 builds the same tree from `a` and `b` by the rules above. */
export function sameTreeModuloEmptyTags(a: string, b: string): boolean {
  const ta = tokenize(a);
  const tb = ta && tokenize(b);
  if (!ta || !tb) return false;
  let i = 0;
  let j = 0;
  while (i < ta.length && j < tb.length) {
    const x = ta[i] as Token;
    const y = tb[j] as Token;
    if (x.kind !== y.kind || x.raw !== y.raw) return false;
    if (x.kind === 1 && x.selfClosing !== y.selfClosing) {
      if (expanded(ta, i, tb, j)) j++;
      else if (expanded(tb, j, ta, i)) i++;
      else return false;
    }
    i++;
    j++;
  }
  return i === ta.length && j === tb.length;
}
