/** A complete, valid config used by unit tests (and as the README's example shape). */
export const EXAMPLE_CONFIG_YAML = `
publicUrl: https://rolegate.example.com
issuer:
  audience: sts.amazonaws.com
idps:
  - id: okta
    preset: okta
    name: Okta
    issuer: https://example.okta.com
    clientId: 0oa1example
  - id: google
    preset: google
    name: Google Workspace
    issuer: https://accounts.google.com
    clientId: 123.apps.googleusercontent.com
    allowedDomains: [example.com]
  - id: entra
    preset: entra
    name: Entra ID
    issuer: https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0
    clientId: 11111111-2222-3333-4444-555555555555
    groupNames:
      9f1c1a2e-0000-4000-8000-000000000001: aws-prod-operators
accounts:
  - id: "111122223333"
    alias: dev
    region: eu-west-1
    roles:
      - name: Admin
        maxSessionDuration: 3600
        sessionTags: { team: department }
      - name: ReadOnly
  - id: "444455556666"
    alias: prod
    region: us-east-1
    roles:
      - name: Operator
        maxSessionDuration: 7200
      - name: ReadOnly
rules:
  - id: dev-admins
    idps: [okta]
    groups: [aws-dev-admins]
    roles: [dev/Admin]
  - id: readonly-everyone
    groups: ["aws-*"]
    roles: [dev/ReadOnly, "444455556666/ReadOnly"]
  - id: prod-operators
    groups: [aws-prod-operators]
    roles: [prod/Operator]
  - id: google-domain
    idps: [google]
    emailDomains: [example.com]
    roles: [dev/ReadOnly]
`;

/** A site whose only IdP is a corporate ADFS (issue 13 §1): no `idps` key at all. */
export const SAML_ONLY_YAML = `
publicUrl: https://rolegate.example.com
samlConnections:
  - id: adfs
    preset: adfs
    name: Corporate ADFS
    metadataUrl: https://adfs.example.com/FederationMetadata/2007-06/FederationMetadata.xml
accounts:
  - id: "111122223333"
    alias: dev
    region: eu-west-1
    roles: [{ name: ReadOnly }]
rules:
  - { id: dev-readonly, idps: [adfs], groups: [aws-dev], roles: [dev/ReadOnly] }
admins:
  groups: [{ idp: adfs, group: rolegate-admins }]
`;
