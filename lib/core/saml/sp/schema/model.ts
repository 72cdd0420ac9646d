/**
 * A small, strict XML Schema subset: element declarations with typed attributes and sequence / choice
 * content models, enough to express the parts of the SAML 2.0 protocol and assertion schemas, XML-DSig and
 * XML-Enc that an SSO Response uses. Wildcards (`xs:any`) are only honoured where a declaration says
 * `skip`; everything else the real schemas would let through lax is refused, which shrinks the
 * signature-wrapping surface (AWS-FACTS §2).
 */

export type SimpleType = 'string' | 'anyURI' | 'dateTime' | 'ID' | 'NCName' | 'base64' | 'boolean' | 'int' | 'nonNegInt' | 'version';

export interface AttrDecl {
  type: SimpleType;
  required?: boolean;
}

/** `el` is a key `"{ns}local"`; `choice` groups alternatives. Occurrence defaults to exactly once. */
export type Particle =
  | { el: string; min?: number; max?: number }
  | { choice: string[]; min?: number; max?: number };

export interface ElementDecl {
  attrs?: Record<string, AttrDecl>;
  /** Attributes in any namespace other than the element's own (`xs:anyAttribute namespace="##other"`). */
  otherAttrs?: boolean;
  /** 'empty': no children, whitespace only · a SimpleType: text only · 'skip': anything, not descended. */
  content: 'empty' | SimpleType | 'skip' | Particle[];
  /** Extra element-local rule (e.g. "at least one of"), checked after the content model. */
  check?: (el: Element) => string | undefined;
}

export type SchemaTable = Record<string, ElementDecl>;

/** The key of an element in a {@link SchemaTable}. */
export function key(ns: string, local: string): string {
  return `{${ns}}${local}`;
}

const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?Z$/;
const NCNAME = /^[\p{L}_][\p{L}\p{N}_.\-\u00B7\u0300-\u036F\u203F\u2040]*$/u;
const ASCII_NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

/**
 * Checks a lexical value. dateTime is stricter than xs:dateTime: saml-core §1.3.3 requires UTC with
 * no zone offset, so only the `Z` form is accepted.
 */
export function checkSimple(type: SimpleType, value: string): boolean {
  switch (type) {
    case 'string':
      return true;
    case 'anyURI':
      return !/[\u0000-\u001f\u007f]/.test(value);
    case 'dateTime':
      return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    case 'ID':
    case 'NCName':
      // The ASCII names first: a subset of NCNAME (A-Z a-z are \p{L}, 0-9 are \p{N}), without the Unicode regex.
      return ASCII_NCNAME.test(value) || NCNAME.test(value);
    case 'base64':
      return BASE64.test(value) && value.replace(/\s+/g, '').length % 4 === 0;
    case 'boolean':
      return /^(true|false|1|0)$/.test(value);
    case 'int':
      return /^[+-]?\d{1,9}$/.test(value);
    case 'nonNegInt':
      return /^\+?\d{1,9}$/.test(value);
    case 'version':
      return value === '2.0';
  }
}
