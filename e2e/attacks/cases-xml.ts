/**
 * Parser-level attacks: DOCTYPE, XXE, entity expansion (AWS-FACTS §2; ruby-saml CVE-2025-25291/2),
 * oversized messages, NameID comment truncation (CVE-2017-11427..11430, CVE-2018-0489), schema breaks.
 */
import { edit, first, SAML } from './dom';
import type { AttackCase } from './case';

const XXE = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';

/** Puts `text` into the NameID (unsigned edit). */
const nameIdTo = (xml: string, inner: (doc: Document) => Node[]): string =>
  edit(xml, (doc) => {
    const nameId = first(doc, SAML, 'NameID');
    while (nameId.firstChild) nameId.removeChild(nameId.firstChild);
    for (const n of inner(doc)) nameId.appendChild(n);
  });

export const xmlCases: AttackCase[] = [
  {
    // The IdP signs "admin@example.com.evil.test" (the attacker's own account); exc-c14n drops the comment,
    // so the signature stays valid and a first-text-node reader sees "admin@example.com".
    name: 'NameID split by an XML comment (signature still valid)',
    expect: 'SAML_NAMEID_INVALID',
    issue: { user: { nameId: 'admin@example.com.evil.test' } },
    mutate: (x) => nameIdTo(x, (d) => [d.createTextNode('admin@example.com'), d.createComment(''), d.createTextNode('.evil.test')]),
  },
  { name: 'DOCTYPE declaration', expect: 'SAML_DOCTYPE_FORBIDDEN', mutate: (x) => `<!DOCTYPE Response>${x}` },
  {
    name: 'XXE external entity in NameID',
    expect: 'SAML_DOCTYPE_FORBIDDEN',
    mutate: (x) => XXE + x.replace(/(<NameID[^>]*>)[^<]*/, '$1&xxe;'),
  },
  {
    name: 'entity expansion (billion laughs)',
    expect: 'SAML_DOCTYPE_FORBIDDEN',
    mutate: (x) => LAUGHS + x.replace(/(<NameID[^>]*>)[^<]*/, '$1&lol3;'),
  },
  {
    name: 'undeclared entity reference without a DOCTYPE',
    expect: 'SAML_MALFORMED',
    mutate: (x) => x.replace(/(<NameID[^>]*>)[^<]*/, '$1&xxe;'),
  },
  {
    name: 'response over 256 KB',
    expect: 'SAML_TOO_LARGE',
    mutate: (x) => x.replace('</samlp:Response>', `<!--${'A'.repeat(270 * 1024)}--></samlp:Response>`),
  },
  {
    name: 'element the SAML schema does not allow (inside the signed assertion)',
    expect: 'SAML_SCHEMA_INVALID',
    issue: { mutateAssertion: (a) => a.replace('</Subject>', '</Subject><Advice><AssertionIDRef>_x</AssertionIDRef></Advice>') },
  },
];
