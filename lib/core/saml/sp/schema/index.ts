/**
 * Rolegate's SAML schema validator: the SAML protocol + assertion, XML-DSig and XML-Enc content models
 * (see saml.ts and dsig-xenc.ts for what is narrowed and why), checked on the DOM we already parsed.
 *
 * Why our own and not an XSD engine: it runs on the same @xmldom/xmldom tree samlify and xml-crypto read
 * (no second parser to disagree with, the ruby-saml CVE-2025-25291/2 class of bug), costs microseconds on a
 * parsed tree instead of a second parse (node-xmllint 18.9 ms, xmllint-wasm 78.8 ms per response), needs no
 * Java (@authenio/samlify-xsd-schema-validator), no native libxml2 build or prebuilt download
 * (libxmljs2 also carries an unfixed type-confusion advisory on attacker-supplied XML), and no vendored XSD
 * files. It is stricter than the XSDs: the extension points an SSO response never needs are refused.
 */
import { key } from './model';
import { NS } from '../xml';
import { samlTable } from './saml';
import { dsigTable, xencTable } from './dsig-xenc';
import { validateDocument } from './engine';

export { SchemaViolation } from './engine';

const table = { ...samlTable, ...dsigTable, ...xencTable };
const RESPONSE = key(NS.samlp, 'Response');
const LOGOUT_REQUEST = key(NS.samlp, 'LogoutRequest');

/** Validates a parsed `<samlp:Response>`. Throws SchemaViolation (with an element path) on the first problem. */
export function validateResponseSchema(doc: Document): void {
  validateDocument(doc, table, RESPONSE);
}

/** Validates a parsed `<samlp:LogoutRequest>` (saml-core §3.7.1) with the same tables. Throws SchemaViolation. */
export function validateLogoutRequestSchema(doc: Document): void {
  validateDocument(doc, table, LOGOUT_REQUEST);
}
