/**
 * STS behind a small interface so the issuance service can be tested with a fake, and the real
 * implementation (sdk-gateway.ts) is the only place that talks to the AWS SDK.
 */
import type { Credentials } from '../types';

export interface AssumeWithWebIdentityInput {
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  durationSeconds: number;
  /** The role's region: the regional STS endpoint is used (AWS-FACTS §1.4). */
  region: string;
  /** Session policies (scope-down): inline JSON and/or managed policy ARNs. */
  policy?: string;
  policyArns?: string[];
}

export interface AssumeWithSamlInput {
  roleArn: string;
  /** The IAM SAML provider ARN (Rolegate's IdP metadata in that account). */
  principalArn: string;
  /** base64 of the whole signed Response. Sensitive: never logged. */
  samlAssertion: string;
  durationSeconds: number;
  region: string;
  policy?: string;
  policyArns?: string[];
}

export interface AssumeResult {
  credentials: Credentials;
  assumedRoleArn: string;
  requestId?: string;
  sourceIdentity?: string;
}

export interface StsGateway {
  assumeRoleWithWebIdentity(input: AssumeWithWebIdentityInput): Promise<AssumeResult>;
  assumeRoleWithSaml(input: AssumeWithSamlInput): Promise<AssumeResult>;
}
