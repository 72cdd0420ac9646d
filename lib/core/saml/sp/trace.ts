/**
 * The trace of checks a response went through, and the error that carries it. The trace is safe for the
 * admin diagnostics page: check names and short details (codes, algorithm URIs, counts), never raw XML,
 * NameIDs or attribute values.
 */
import { GatewayError, type GatewayErrorCode } from '../../errors';
import type { TraceEntry } from './types';

/** A rejected SAML response: the GatewayError code plus the checks that ran before it failed. */
export class SamlValidationError extends GatewayError {
  readonly trace: readonly TraceEntry[];

  constructor(code: GatewayErrorCode, internalMessage: string, trace: readonly TraceEntry[], cause?: unknown) {
    super(code, internalMessage, { cause });
    this.name = 'SamlValidationError';
    this.trace = trace;
  }
}

export class Trace {
  readonly entries: TraceEntry[] = [];

  /** Records a passed check. */
  pass(check: string, detail?: string): void {
    this.entries.push(detail === undefined ? { check, ok: true } : { check, ok: true, detail });
  }

  /** Records a failed check and returns the error to throw. */
  fail(code: GatewayErrorCode, check: string, detail: string, cause?: unknown): SamlValidationError {
    this.entries.push({ check, ok: false, detail });
    return new SamlValidationError(code, `${check}: ${detail}`, [...this.entries], cause);
  }

  /** Fails with `code` unless `condition` holds; records the pass otherwise. */
  require(condition: boolean, code: GatewayErrorCode, check: string, detail: string): void {
    if (!condition) throw this.fail(code, check, detail);
    this.pass(check);
  }
}

/** Any failure of a validation pipeline as the SamlValidationError it reports: a bug becomes INTERNAL, never a pass. */
export function asValidationError(e: unknown, trace: Trace): SamlValidationError {
  if (e instanceof SamlValidationError) return e;
  if (e instanceof GatewayError) return new SamlValidationError(e.code, e.message, [...trace.entries], e);
  return trace.fail('INTERNAL', 'unexpected', e instanceof Error ? e.name : 'error', e);
}
