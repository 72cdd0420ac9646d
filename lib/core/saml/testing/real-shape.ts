/**
 * Test-only: a SAML response as a given IdP product sends it, for lib/core/saml/presets-real-shapes.test.ts.
 * The layout (namespace prefixes, which element is signed, NameID format) comes from the signing test IdP
 * (lib/core/saml/sp/testing) with `style` overrides; the AttributeStatement is written here, because
 * products differ in exactly what that builder keeps uniform: FriendlyName, NameFormat or none,
 * `xsi:type` with its own prefix declared on each value, one Attribute per value (Keycloak's role list),
 * and pretty-printing that puts line breaks and indentation around values.
 */
import type { SamlConnectionConfig } from '../../config/schema';
import type { GatewayErrorCode } from '../../errors';
import { esc } from '../sp/testing/build';
import { SHAPES, type IdpShape, type ShapeStyle } from '../sp/testing/shapes';

export const XS = 'http://www.w3.org/2001/XMLSchema';
export const NAMEID = {
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
} as const;
export const NAME_FORMAT = {
  uri: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
  basic: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
  unspecified: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
} as const;

export interface AttributeXml {
  name: string;
  values: string[];
  friendlyName?: string;
  nameFormat?: string;
  /** `xsi:type` of each value, e.g. `xs:string`; its prefix is declared on the value, as Okta and Keycloak do. */
  type?: string;
  /** One Attribute element per value, all with the same Name (Keycloak's mappers with "single" off). */
  split?: boolean;
}

/** What samlIdentityClaims gives for the response (the subject is H1's: lib/core/saml/sp/identity.ts). */
export interface Yield {
  groups: string[];
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

export interface RealShape {
  /** Product, version or setting the shape imitates. */
  title: string;
  preset: SamlConnectionConfig['preset'];
  /** The signing test IdP whose layout `style` adjusts. */
  base: IdpShape;
  style: Partial<ShapeStyle>;
  nameId: string;
  attributes: AttributeXml[];
  pretty?: boolean;
  /** Connection settings besides the preset's defaults; subjectAttribute names the README's recommendation. */
  conn?: Partial<SamlConnectionConfig> & { subjectAttribute?: string };
  expected: Yield | { refused: GatewayErrorCode };
}

function valueXml(q: string, type: string | undefined, value: string, pad: (depth: number) => string): string {
  const prefix = type?.split(':')[0];
  const typed = type ? ` xmlns:${prefix}="${XS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="${type}"` : '';
  return `${pad(3)}<${q}AttributeValue${typed}>${pad(4)}${esc(value)}${pad(3)}</${q}AttributeValue>`;
}

function attributeXml(q: string, a: AttributeXml, values: string[], pad: (depth: number) => string): string {
  const friendly = a.friendlyName ? ` FriendlyName="${esc(a.friendlyName)}"` : '';
  const format = a.nameFormat ? ` NameFormat="${a.nameFormat}"` : '';
  const body = values.map((v) => valueXml(q, a.type, v, pad)).join('');
  return `${pad(2)}<${q}Attribute Name="${esc(a.name)}"${friendly}${format}>${body}${pad(2)}</${q}Attribute>`;
}

/** The AttributeStatement, compact or indented by two spaces per level (values on their own lines). */
export function attributeStatement(q: string, attributes: AttributeXml[], pretty: boolean): string {
  const pad = (depth: number): string => (pretty ? `\n${'  '.repeat(depth)}` : '');
  const elements = attributes.flatMap((a) => (a.split ? a.values.map((v) => attributeXml(q, a, [v], pad)) : [attributeXml(q, a, a.values, pad)]));
  return `${pad(1)}<${q}AttributeStatement>${elements.join('')}${pad(1)}</${q}AttributeStatement>${pad(0)}`;
}

/** Puts the shape's statement (none without attributes) at the end of the unsigned assertion the test IdP rendered. */
export function withStatement(shape: RealShape): (assertion: string) => string {
  if (shape.attributes.length === 0) return (assertion) => assertion;
  const prefix = shape.style.saml ?? SHAPES[shape.base].saml;
  const q = prefix ? `${prefix}:` : '';
  return (assertion) => assertion.replace(`</${q}Assertion>`, `${attributeStatement(q, shape.attributes, shape.pretty ?? false)}</${q}Assertion>`);
}
