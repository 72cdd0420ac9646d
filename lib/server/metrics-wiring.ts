/**
 * Where the metrics (metrics.ts) are taken: around the ledger sink, the STS gateway and the config and
 * key state the container holds. Decorators over our own ports; no library is patched.
 */
import type { AuditSink } from '../core/issuance/audit-event';
import type { StsGateway } from '../core/sts/gateway';
import { observeAudit, timed, type Metrics } from './metrics';

/** The ledger sink, timed, counting the sign-ins and issuances each row records once it is durable. */
export function meteredAudit(sink: AuditSink, m: Metrics): AuditSink {
  return async (record) => {
    await timed(m.ledgerWriteSeconds, {}, () => sink(record));
    observeAudit(m, record);
  };
}

export function meteredSts(sts: StsGateway, m: Metrics): StsGateway {
  return {
    assumeRoleWithWebIdentity: (input) => timed(m.stsSeconds, { operation: 'AssumeRoleWithWebIdentity' }, () => sts.assumeRoleWithWebIdentity(input)),
    assumeRoleWithSaml: (input) => timed(m.stsSeconds, { operation: 'AssumeRoleWithSAML' }, () => sts.assumeRoleWithSaml(input)),
  };
}
