/**
 * The unsigned DOM of an AWS-bound `<samlp:Response>`, from values already validated by
 * ./assertion. Element order follows saml-schema-protocol-2.0 (`ResponseType`: Issuer, Signature?,
 * Status, Assertion) and saml-schema-assertion-2.0 (`AssertionType`: Issuer, Signature?, Subject,
 * Conditions, statements); ./sign inserts the Signature after the Assertion's Issuer.
 */
import type { Partition } from '../../types';
import type { SamlAttribute } from './attributes';
import { fillRoot, samlId, samlTime, xmlBuilder, type XmlBuilder } from './dom';
import { AWS_AUDIENCE, SAML } from './names';

/** Seconds NotBefore lies before `now`, so a verifier whose clock is a little behind accepts it. */
export const NOT_BEFORE_SKEW_SECONDS = 60;

/** Validated content of one Response. */
export interface ResponseContent {
  issuer: string;
  recipient: string;
  nameId: string;
  partition: Partition;
  attributes: SamlAttribute[];
  now: Date;
  lifetimeSeconds: number;
  /** When any session made from the assertion ends (validated by ./values). */
  sessionNotOnOrAfter: Date;
}

interface Times {
  now: string;
  notBefore: string;
  notOnOrAfter: string;
  sessionNotOnOrAfter: string;
}

function subject(b: XmlBuilder, c: ResponseContent, t: Times): Element {
  const data = b.el('saml:SubjectConfirmationData', {
    NotOnOrAfter: t.notOnOrAfter,
    Recipient: c.recipient,
  });
  return b.el('saml:Subject', {}, [
    b.el('saml:NameID', { Format: SAML.persistent }, [c.nameId]),
    b.el('saml:SubjectConfirmation', { Method: SAML.bearer }, [data]),
  ]);
}

function conditions(b: XmlBuilder, c: ResponseContent, t: Times): Element {
  const audience = b.el('saml:Audience', {}, [AWS_AUDIENCE[c.partition]]);
  return b.el('saml:Conditions', { NotBefore: t.notBefore, NotOnOrAfter: t.notOnOrAfter }, [
    b.el('saml:AudienceRestriction', {}, [audience]),
  ]);
}

function attributeStatement(b: XmlBuilder, attributes: SamlAttribute[]): Element {
  return b.el(
    'saml:AttributeStatement',
    {},
    attributes.map((a) =>
      b.el(
        'saml:Attribute',
        { Name: a.name, NameFormat: SAML.attrNameFormatUri },
        a.values.map((v) => b.el('saml:AttributeValue', {}, [v])),
      ),
    ),
  );
}

function authnStatement(b: XmlBuilder, t: Times): Element {
  const context = b.el('saml:AuthnContext', {}, [
    b.el('saml:AuthnContextClassRef', {}, [SAML.authnContextUnspecified]),
  ]);
  const attrs = { AuthnInstant: t.now, SessionIndex: samlId(), SessionNotOnOrAfter: t.sessionNotOnOrAfter };
  return b.el('saml:AuthnStatement', attrs, [context]);
}

function assertion(b: XmlBuilder, c: ResponseContent, t: Times): Element {
  return b.el('saml:Assertion', { ID: samlId(), Version: SAML.version, IssueInstant: t.now }, [
    b.el('saml:Issuer', { Format: SAML.entityFormat }, [c.issuer]),
    subject(b, c, t),
    conditions(b, c, t),
    attributeStatement(b, c.attributes),
    authnStatement(b, t),
  ]);
}

/** Builds the Response document (one Assertion, Status Success, Destination = Recipient). */
export function responseDocument(c: ResponseContent): Document {
  const nowMs = c.now.getTime();
  const t: Times = {
    now: samlTime(c.now),
    notBefore: samlTime(new Date(nowMs - NOT_BEFORE_SKEW_SECONDS * 1000)),
    notOnOrAfter: samlTime(new Date(nowMs + c.lifetimeSeconds * 1000)),
    sessionNotOnOrAfter: samlTime(c.sessionNotOnOrAfter),
  };
  const b = xmlBuilder('samlp:Response', ['samlp', 'saml']);
  const status = b.el('samlp:Status', {}, [
    b.el('samlp:StatusCode', { Value: SAML.statusSuccess }),
  ]);
  fillRoot(
    b,
    { ID: samlId(), Version: SAML.version, IssueInstant: t.now, Destination: c.recipient },
    [b.el('saml:Issuer', { Format: SAML.entityFormat }, [c.issuer]), status, assertion(b, c, t)],
  );
  return b.doc;
}
