/**
 * AWS endpoints per partition: regional STS, the console federation endpoint and the console
 * itself. Sources: AWS-FACTS §1.4 ([UG id_roles_providers_enable-console-custom-url];
 * docs.aws.amazon.com/general/latest/gr/signin-service.html and …/gr/mgmt-console.html;
 * 99designs/aws-vault `cli/login.go` for the partitions).
 *
 * Every function takes an `overrideUrl` from config (`aws.federationUrl`, `aws.consoleUrl`) that
 * wins, so tests and the demo can point at the local AWS emulator.
 */
import { GatewayError } from '../errors';
import type { Partition } from '../types';
import { assertRegionInPartition } from './patterns';

/** Where to reach AWS for one partition and region. */
export interface EndpointInput {
  partition: Partition;
  region: string;
  /** From config; used instead of the AWS URL when set. Must be an absolute http(s) URL. */
  overrideUrl?: string;
}

/**
 * Checks an override URL from config and returns it without a trailing slash. Throws
 * `CONFIG_INVALID` for anything but a plain http(s) URL (no credentials, query or fragment).
 */
export function normalizeOverrideUrl(overrideUrl: string): string {
  let url: URL;
  try {
    url = new URL(overrideUrl);
  } catch (cause) {
    throw new GatewayError('CONFIG_INVALID', 'AWS endpoint override is not a URL', {
      cause,
      publicDetail: 'an AWS endpoint override is not a valid URL',
    });
  }
  const plain = !url.username && !url.password && !url.search && !url.hash;
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !plain) {
    throw new GatewayError('CONFIG_INVALID', `AWS endpoint override not allowed: ${url.origin}`, {
      publicDetail:
        'an AWS endpoint override must be an http(s) URL without credentials, query or fragment',
    });
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Regional STS endpoint host: `sts.<region>.amazonaws.com`, or `sts.<region>.amazonaws.com.cn` in
 * aws-cn. Regional endpoints issue session tokens valid in every Region (AWS-FACTS §1.4, [UG
 * id_credentials_temp_enable-regions]); the region must be activated for STS.
 */
export function stsEndpointHost(partition: Partition, region: string): string {
  assertRegionInPartition(partition, region);
  return partition === 'aws-cn' ? `sts.${region}.amazonaws.com.cn` : `sts.${region}.amazonaws.com`;
}

/** STS endpoint URL for an SDK client: the override, else `https://` + {@link stsEndpointHost}. */
export function stsEndpointUrl(input: EndpointInput): string {
  const host = stsEndpointHost(input.partition, input.region);
  return input.overrideUrl ? normalizeOverrideUrl(input.overrideUrl) : `https://${host}`;
}

/**
 * Console federation endpoint (getSigninToken and login):
 * `https://signin.aws.amazon.com/federation` for us-east-1,
 * `https://<region>.signin.aws.amazon.com/federation` for other aws regions,
 * `https://signin.amazonaws-us-gov.com/federation` and `https://signin.amazonaws.cn/federation`
 * (AWS-FACTS §1.4).
 */
export function federationEndpointUrl(input: EndpointInput): string {
  assertRegionInPartition(input.partition, input.region);
  if (input.overrideUrl) return normalizeOverrideUrl(input.overrideUrl);
  switch (input.partition) {
    case 'aws-us-gov':
      return 'https://signin.amazonaws-us-gov.com/federation';
    case 'aws-cn':
      return 'https://signin.amazonaws.cn/federation';
    case 'aws':
      return input.region === 'us-east-1'
        ? 'https://signin.aws.amazon.com/federation'
        : `https://${input.region}.signin.aws.amazon.com/federation`;
  }
}

/**
 * Console base URL without trailing slash: `https://<region>.console.aws.amazon.com`,
 * `https://console.amazonaws-us-gov.com` or `https://console.amazonaws.cn` (AWS-FACTS §1.4).
 */
export function consoleBaseUrl(input: EndpointInput): string {
  assertRegionInPartition(input.partition, input.region);
  if (input.overrideUrl) return normalizeOverrideUrl(input.overrideUrl);
  switch (input.partition) {
    case 'aws-us-gov':
      return 'https://console.amazonaws-us-gov.com';
    case 'aws-cn':
      return 'https://console.amazonaws.cn';
    case 'aws':
      return `https://${input.region}.console.aws.amazon.com`;
  }
}

/**
 * AWS's SAML sign-in endpoint: the Recipient (and `SAML:aud`) of assertions for the partition, and where
 * the console form posts them: `https://signin.aws.amazon.com/saml`, `https://signin.amazonaws-us-gov.com/saml`,
 * `https://signin.amazonaws.cn/saml` (AWS-FACTS §1.2). The global endpoint is what the canonical trust
 * policy condition (`"SAML:aud": "https://signin.aws.amazon.com/saml"`) names.
 */
export function samlSigninUrl(input: Pick<EndpointInput, 'partition' | 'overrideUrl'>): string {
  if (input.overrideUrl) return normalizeOverrideUrl(input.overrideUrl);
  switch (input.partition) {
    case 'aws-us-gov':
      return 'https://signin.amazonaws-us-gov.com/saml';
    case 'aws-cn':
      return 'https://signin.amazonaws.cn/saml';
    case 'aws':
      return 'https://signin.aws.amazon.com/saml';
  }
}
