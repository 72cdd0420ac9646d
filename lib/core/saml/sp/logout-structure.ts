/**
 * Structure of an IdP's LogoutRequest before any value is read (the LogoutRequest counterpart of
 * structure.ts, whose ID and signature-placement checks it reuses): the root is the one LogoutRequest, IDs
 * are unique, and a signature may only be the root's own, referencing the root's ID. A LogoutRequest signed
 * and then wrapped, moved or accompanied by an unsigned twin (GHSA-63ch-w8pw-4mf2, samlify's unfixed flaw)
 * fails here. HTTP-POST needs exactly that one enveloped signature; HTTP-Redirect carries its signature in
 * the query (saml-bindings §3.4.4.1), so an XML signature there is refused rather than given a second path.
 */
import { checkSignaturePlacement, checkUniqueIds } from './structure';
import type { Trace } from './trace';
import { descendants, isEl, NS } from './xml';

export type LogoutBinding = 'redirect' | 'post';

export interface LogoutRequestShape {
  request: Element;
  /** The root's enveloped signature (HTTP-POST only). */
  signature?: Element;
}

export function checkLogoutStructure(doc: Document, binding: LogoutBinding, trace: Trace): LogoutRequestShape {
  const request = doc.documentElement;
  if (!isEl(request, NS.samlp, 'LogoutRequest')) throw trace.fail('SAML_SCHEMA_INVALID', 'root', 'root is not samlp:LogoutRequest');
  const elements = descendants(doc, '*', '*');
  if (elements.filter((el) => isEl(el, NS.samlp, 'LogoutRequest')).length !== 1) {
    throw trace.fail('SAML_WRAPPING_DETECTED', 'request-count', 'nested LogoutRequest');
  }
  checkUniqueIds(elements, trace);
  const signatures = checkSignaturePlacement(elements, [request], trace);
  if (binding === 'redirect') {
    if (signatures.length > 0) throw trace.fail('SAML_WRAPPING_DETECTED', 'signature-placement', 'XML signature in a redirect-binding message');
    return { request };
  }
  if (signatures.length === 0) throw trace.fail('SAML_SIGNATURE_MISSING', 'signature-present', 'no signature');
  if (signatures.length > 1) throw trace.fail('SAML_WRAPPING_DETECTED', 'signature-count', `${signatures.length} signatures`);
  trace.pass('signature-present');
  return { request, signature: signatures[0] };
}
