/**
 * XML helpers of the test SAML IdP, and the samlify schema validator it installs.
 *
 * IdP-SIDE TEST TOOLING ONLY. samlify refuses to parse anything until `setSchemaValidator` was called. The test
 * IdP only parses AuthnRequests that the gateway under test (or a test) sends it; it never validates untrusted
 * input on anyone's behalf. So, when no validator is installed yet, it installs one that only checks that the
 * XML is well-formed (with @xmldom/xmldom, errors fatal, no DOCTYPE). It never replaces a validator that is
 * already installed: when the gateway's production validator is loaded in the same process (the setting is
 * module-wide in samlify), the gateway's one stays in force — and if the gateway installs its validator later,
 * it replaces this one, as it should. Never use this validator in the gateway.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import * as samlify from 'samlify';
import { getContext } from 'samlify/build/src/api';

/** Parses our own / the test's XML strictly: any parser warning or error throws, DOCTYPE is refused. */
export function parseXml(xml: string): Document {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('DOCTYPE is not allowed');
  const fail = (msg: string): never => {
    throw new Error(`invalid XML: ${msg}`);
  };
  const doc = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
  if (!doc.documentElement) throw new Error('invalid XML: no root element');
  return doc;
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** Well-formedness only — see the module comment for why this is acceptable here and nowhere else. */
async function wellFormedOnly(xml: string): Promise<string> {
  parseXml(xml);
  return 'well-formed';
}

/** Installs the well-formedness validator unless samlify already has a validator. Returns whether it did. */
export function ensureSchemaValidator(): boolean {
  if (getContext().validate) return false;
  samlify.setSchemaValidator({ validate: wellFormedOnly });
  return true;
}

export function base64(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}

export function fromBase64(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf8');
}
