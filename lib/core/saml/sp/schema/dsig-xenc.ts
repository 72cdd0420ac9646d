/**
 * Content models from the W3C schemas `xmldsig-core-schema.xsd` (XML-DSig 1.0 §4) and `xenc-schema.xsd`
 * (XML-Enc 1.0 §3), narrowed to what SAML signatures and encrypted assertions use:
 *   - ds:Object and ds:Manifest are refused (XSW5/6/8 hide the signed copy in an Object);
 *   - KeyInfo may hold KeyName, KeyValue, X509Data, RetrievalMethod or an xenc:EncryptedKey;
 *   - Transform children are not descended (exc-c14n InclusiveNamespaces; the algorithm allowlist, not the
 *     schema, refuses XSLT / XPath transforms so they get their own error code);
 *   - CipherReference and EncryptionProperties are refused (the ciphertext must be inline).
 */
import { NS } from '../xml';
import { key, type AttrDecl, type SchemaTable } from './model';

const DS = (l: string) => key(NS.ds, l);
const XENC = (l: string) => key(NS.xenc, l);

const req = (type: AttrDecl['type']): AttrDecl => ({ type, required: true });
const opt = (type: AttrDecl['type']): AttrDecl => ({ type });
const algorithmOnly = { attrs: { Algorithm: req('anyURI') } };

const keyInfoChildren = [DS('KeyName'), DS('KeyValue'), DS('X509Data'), DS('RetrievalMethod'), XENC('EncryptedKey')];

export const dsigTable: SchemaTable = {
  [DS('Signature')]: {
    attrs: { Id: opt('ID') },
    content: [{ el: DS('SignedInfo') }, { el: DS('SignatureValue') }, { el: DS('KeyInfo'), min: 0 }],
  },
  [DS('SignedInfo')]: {
    attrs: { Id: opt('ID') },
    content: [{ el: DS('CanonicalizationMethod') }, { el: DS('SignatureMethod') }, { el: DS('Reference'), max: Infinity }],
  },
  [DS('CanonicalizationMethod')]: { ...algorithmOnly, content: 'empty' },
  [DS('SignatureMethod')]: { ...algorithmOnly, content: [{ el: DS('HMACOutputLength'), min: 0 }] },
  [DS('HMACOutputLength')]: { content: 'int' },
  [DS('Reference')]: {
    attrs: { Id: opt('ID'), URI: opt('anyURI'), Type: opt('anyURI') },
    content: [{ el: DS('Transforms'), min: 0 }, { el: DS('DigestMethod') }, { el: DS('DigestValue') }],
  },
  [DS('Transforms')]: { content: [{ el: DS('Transform'), max: Infinity }] },
  [DS('Transform')]: { ...algorithmOnly, content: 'skip' },
  [DS('DigestMethod')]: { ...algorithmOnly, content: 'empty' },
  [DS('DigestValue')]: { content: 'base64' },
  [DS('SignatureValue')]: { attrs: { Id: opt('ID') }, content: 'base64' },
  [DS('KeyInfo')]: { attrs: { Id: opt('ID') }, content: [{ choice: keyInfoChildren, max: Infinity }] },
  [DS('KeyName')]: { content: 'string' },
  [DS('KeyValue')]: { content: 'skip' },
  [DS('RetrievalMethod')]: { attrs: { URI: req('anyURI'), Type: opt('anyURI') }, content: [{ el: DS('Transforms'), min: 0 }] },
  [DS('X509Data')]: {
    content: [{ choice: [DS('X509Certificate'), DS('X509SubjectName'), DS('X509IssuerSerial'), DS('X509SKI')], max: Infinity }],
  },
  [DS('X509Certificate')]: { content: 'base64' },
  [DS('X509SubjectName')]: { content: 'string' },
  [DS('X509SKI')]: { content: 'base64' },
  [DS('X509IssuerSerial')]: { content: [{ el: DS('X509IssuerName') }, { el: DS('X509SerialNumber') }] },
  [DS('X509IssuerName')]: { content: 'string' },
  [DS('X509SerialNumber')]: { content: 'string' },
};

const encryptedType = {
  Id: opt('ID'),
  Type: opt('anyURI'),
  MimeType: opt('string'),
  Encoding: opt('anyURI'),
};

export const xencTable: SchemaTable = {
  [XENC('EncryptedData')]: {
    attrs: encryptedType,
    content: [{ el: XENC('EncryptionMethod'), min: 0 }, { el: DS('KeyInfo'), min: 0 }, { el: XENC('CipherData') }],
  },
  [XENC('EncryptedKey')]: {
    attrs: { ...encryptedType, Recipient: opt('string') },
    content: [
      { el: XENC('EncryptionMethod'), min: 0 },
      { el: DS('KeyInfo'), min: 0 },
      { el: XENC('CipherData') },
      { el: XENC('ReferenceList'), min: 0 },
      { el: XENC('CarriedKeyName'), min: 0 },
    ],
  },
  // EncryptionMethodType: KeySize?, OAEPparams?, then ##other (ds:DigestMethod, xenc11:MGF for RSA-OAEP).
  [XENC('EncryptionMethod')]: {
    ...algorithmOnly,
    content: [
      { el: XENC('KeySize'), min: 0 },
      { el: XENC('OAEPparams'), min: 0 },
      { choice: [DS('DigestMethod'), key(NS.xenc11, 'MGF')], min: 0, max: 2 },
    ],
  },
  [key(NS.xenc11, 'MGF')]: { ...algorithmOnly, content: 'empty' },
  [XENC('KeySize')]: { content: 'nonNegInt' },
  [XENC('OAEPparams')]: { content: 'base64' },
  [XENC('CipherData')]: { content: [{ el: XENC('CipherValue') }] },
  [XENC('CipherValue')]: { content: 'base64' },
  [XENC('ReferenceList')]: { content: [{ choice: [XENC('DataReference'), XENC('KeyReference')], max: Infinity }] },
  [XENC('DataReference')]: { attrs: { URI: req('anyURI') }, content: 'skip' },
  [XENC('KeyReference')]: { attrs: { URI: req('anyURI') }, content: 'skip' },
  [XENC('CarriedKeyName')]: { content: 'string' },
};
