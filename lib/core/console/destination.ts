/**
 * The console page a federated user lands on (the login URL's `Destination`; AWS-FACTS §1.4).
 */
import { GatewayError } from '../errors';
import type { Partition } from '../types';
import { consoleBaseUrl } from '../aws/endpoints';

/**
 * Console service path segment, e.g. `s3`, `ec2`, `cloudwatch`. Kept tight: it is templated into a
 * URL.
 */
export const CONSOLE_SERVICE = /^[a-z0-9-]{1,40}$/;

/** Input for {@link consoleDestination}. */
export interface ConsoleDestinationInput {
  partition: Partition;
  region: string;
  /** Service to open; default: the console home (`console/home`). */
  service?: string;
  /**
   * Config `aws.consoleUrl`; replaces the partition's console base (e.g.
   * `http://localhost:3002/console`).
   */
  consoleUrlOverride?: string;
}

/**
 * `<console base>/<service>/home?region=<region>`, e.g.
 * `https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1`; without a service
 * `…/console/home?region=…`. Throws `AWS_VALUE_INVALID` for a service outside `[a-z0-9-]{1,40}` or
 * a region not in the partition, `CONFIG_INVALID` for a bad override.
 */
export function consoleDestination(input: ConsoleDestinationInput): string {
  if (input.service !== undefined && !CONSOLE_SERVICE.test(input.service)) {
    throw new GatewayError('AWS_VALUE_INVALID', 'console destination: bad service', {
      publicDetail: 'a console service is 1–40 lower-case letters, digits or dashes (e.g. s3, ec2)',
    });
  }
  const base = consoleBaseUrl({
    partition: input.partition,
    region: input.region,
    overrideUrl: input.consoleUrlOverride,
  });
  const url = new URL(`${base}/${input.service ?? 'console'}/home`);
  url.searchParams.set('region', input.region);
  return url.href;
}
