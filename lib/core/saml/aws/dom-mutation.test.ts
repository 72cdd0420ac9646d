/**
 * Issue 12 §8: the DOM builder every AWS-bound SAML document goes through (./dom). Each test names
 * the rule that would break if the builder changed; together they fail on every mutant of dom.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillRoot, samlId, samlTime, serialize, XML_DECLARATION, xmlBuilder } from './dom';
import { parse } from './test-fixtures';

test('issue 12 §8: the XML declaration is UTF-8 (AWS-FACTS §1.2: metadata is UTF-8 without BOM)', () => {
  assert.equal(XML_DECLARATION, '<?xml version="1.0" encoding="UTF-8"?>');
});

test('issue 12 §8: elements get the namespace of their prefix, declared once on the root', () => {
  const b = xmlBuilder('md:EntityDescriptor', ['md', 'ds']);
  const key = b.el('ds:KeyInfo', {}, [b.el('ds:X509Data')]);
  fillRoot(b, { entityID: 'https://idp' }, [b.el('md:KeyDescriptor', { use: 'signing' }, [key])]);
  const xml = serialize(b.doc);
  assert.equal(
    xml,
    '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ' +
      'xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp">' +
      '<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></md:KeyDescriptor>' +
      '</md:EntityDescriptor>',
  );
  const doc = parse(xml);
  const data = doc.getElementsByTagName('ds:X509Data')[0];
  assert.equal(data?.namespaceURI, 'http://www.w3.org/2000/09/xmldsig#');
  assert.equal(doc.documentElement.namespaceURI, 'urn:oasis:names:tc:SAML:2.0:metadata');
});

test('issue 12 §8: an element made without children stays empty (no stray text in a signed document)', () => {
  const b = xmlBuilder('saml:Assertion', ['saml']);
  const empty = b.el('saml:AudienceRestriction');
  assert.equal(empty.childNodes.length, 0);
  assert.equal(empty.attributes.length, 0);
});

test('issue 12 §8: markup in a value stays text (GHSA-34r5-q4jw-r36m)', () => {
  const b = xmlBuilder('saml:Assertion', ['saml']);
  const evil = '</saml:AttributeValue><saml:Attribute Name="x">&"';
  fillRoot(b, { ID: evil }, [b.el('saml:AttributeValue', { Name: evil }, [evil])]);
  const doc = parse(serialize(b.doc));
  assert.equal(doc.documentElement.getAttribute('ID'), evil);
  const values = doc.getElementsByTagName('saml:AttributeValue');
  assert.equal(values.length, 1);
  assert.equal(values[0]?.textContent, evil);
  assert.equal(values[0]?.getAttribute('Name'), evil);
  assert.equal(doc.getElementsByTagName('saml:Attribute').length, 0);
});

test('issue 12 §8: a name that is not an XML QName is refused at serialization, never written', () => {
  const attr = xmlBuilder('saml:Assertion', ['saml']);
  fillRoot(attr, {}, [attr.el('saml:X', { 'a b': 'v' })]);
  assert.throws(() => serialize(attr.doc), /not a valid XML QName/);
  const element = xmlBuilder('saml:Assertion', ['saml']);
  fillRoot(element, {}, [element.el('saml:X y')]);
  assert.throws(() => serialize(element.doc), /not a valid XML QName/);
});

test('issue 12 §8: SAML IDs are "_" + 160 random bits in hex (xs:ID NCName, SAML core §1.3.4)', () => {
  const a = samlId();
  assert.match(a, /^_[0-9a-f]{40}$/);
  assert.notEqual(samlId(), a);
});

test('issue 12 §8: SAML times are UTC with a Z (SAML core §1.3.3)', () => {
  assert.equal(samlTime(new Date(Date.UTC(2026, 2, 1, 10, 0, 0, 5))), '2026-03-01T10:00:00.005Z');
});

test('issue 12 §8: each element carries its namespace itself, not only through the root declarations', () => {
  const b = xmlBuilder('saml:Assertion', []);
  fillRoot(b, {}, [b.el('ds:Signature')]);
  assert.equal(b.doc.documentElement.namespaceURI, 'urn:oasis:names:tc:SAML:2.0:assertion');
  assert.equal(
    serialize(b.doc),
    '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">' +
      '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></saml:Assertion>',
  );
});
