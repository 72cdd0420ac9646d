/**
 * Reads who signed in from the verified assertion. NameID must be a single run of text: a comment inside
 * it is refused (CVE-2017-11427..11430, CVE-2018-0489: `admin@x.com<!---->.evil` verifies because
 * exc-c14n drops comments, and a first-text-node reader sees `admin@x.com`). Values are always the full
 * textContent of the signed node, never the first text node (samlify's extractor reads `text()`).
 */
import { attr, child, children, NodeType, NS, textOf } from './xml';
import type { Trace } from './trace';

const MAX_NAMEID = 1024;

export interface Identity {
  nameId: string;
  nameIdFormat?: string;
  attributes: Record<string, string[]>;
}

/** What identifies the person to the IdP: the NameID exactly as signed, with its qualifiers (saml-core §2.2.3). */
export interface NameIdValue {
  nameId: string;
  nameIdFormat?: string;
  nameQualifier?: string;
  spNameQualifier?: string;
}

/**
 * A NameID element's value and qualifiers: text only (no comment, no markup), non-empty, at most 1024
 * characters, no padding or control characters. Shared by the assertion and the LogoutRequest.
 */
export function readNameIdElement(nameIdEl: Element, trace: Trace): NameIdValue {
  for (let n = nameIdEl.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== NodeType.text && n.nodeType !== NodeType.cdata) {
      throw trace.fail('SAML_NAMEID_INVALID', 'nameid', n.nodeType === NodeType.comment ? 'comment inside NameID' : 'markup inside NameID');
    }
  }
  // Exactly the signed text: no trimming, so " admin@x" can never become "admin@x" downstream.
  const nameId = textOf(nameIdEl);
  if (nameId.length === 0 || nameId.length > MAX_NAMEID || nameId !== nameId.trim() || /[\u0000-\u001f\u007f]/.test(nameId)) {
    throw trace.fail('SAML_NAMEID_INVALID', 'nameid', 'empty, too long, padded with spaces or control characters');
  }
  trace.pass('nameid');
  return { nameId, nameIdFormat: attr(nameIdEl, 'Format'), nameQualifier: attr(nameIdEl, 'NameQualifier'), spNameQualifier: attr(nameIdEl, 'SPNameQualifier') };
}

/** saml-core §2.2.3 / §2.4.1: one NameID, text only, non-empty. EncryptedID is not supported. */
export function readNameId(assertion: Element, trace: Trace): NameIdValue {
  const subject = child(assertion, NS.saml, 'Subject');
  const nameIdEl = subject && child(subject, NS.saml, 'NameID');
  if (!nameIdEl) {
    const why = subject && child(subject, NS.saml, 'EncryptedID') ? 'EncryptedID is not supported' : 'no NameID';
    throw trace.fail('SAML_NAMEID_INVALID', 'nameid', why);
  }
  return readNameIdElement(nameIdEl, trace);
}

/** saml-core §2.7.3: Attribute Name → every AttributeValue's textContent; xsi:nil values are skipped. */
export function readAttributes(assertion: Element): Record<string, string[]> {
  // A Map, then fromEntries: an attribute named "__proto__" becomes an own property, never a prototype.
  const out = new Map<string, string[]>();
  for (const statement of children(assertion, NS.saml, 'AttributeStatement')) {
    for (const attribute of children(statement, NS.saml, 'Attribute')) {
      const name = attr(attribute, 'Name') as string;
      const values = children(attribute, NS.saml, 'AttributeValue')
        .filter((v) => v.getAttributeNS(NS.xsi, 'nil') !== 'true')
        .map((v) => textOf(v));
      out.set(name, [...(out.get(name) ?? []), ...values]);
    }
  }
  return Object.fromEntries(out);
}
