/**
 * SAML sign-in traces as the admin pages see them, and their JSON columns. A trace never holds the raw
 * response: only the outcome, each check, the attribute names with truncated values and the matched
 * rules. Values are cut here, whatever the caller passes, so one huge attribute cannot bloat the table.
 */
import { z } from 'zod';
import { GatewayError } from '../../core/errors';
import type { SamlTrace as SamlTraceRow } from '../generated/sqlite/client';
import { present } from './db-call';

export type SamlTraceOutcome = 'ok' | 'failed';

export interface SamlTraceCheck {
  /** e.g. 'signature', 'audience', 'in-response-to' */
  check: string;
  ok: boolean;
  detail?: string;
}

export interface NewSamlTrace {
  connectionId: string;
  /** Defaults to now. */
  at?: Date;
  outcome: SamlTraceOutcome;
  /** The GatewayErrorCode of a failed sign-in. */
  code?: string | null;
  nameId?: string | null;
  checks: readonly SamlTraceCheck[];
  /** Attribute name → values (each truncated to MAX_VALUE_CHARS, at most MAX_VALUES kept). */
  attributes: Readonly<Record<string, readonly string[]>>;
  /** Ids of the policy rules that matched. */
  matchedRules: readonly string[];
}

export interface SamlTraceRecord extends Omit<NewSamlTrace, 'at' | 'code' | 'nameId'> {
  id: string;
  at: Date;
  code?: string;
  nameId?: string;
}

export const MAX_VALUE_CHARS = 256;
export const MAX_VALUES = 20;
const MAX_DETAIL_CHARS = 512;

const checksSchema = z.array(
  z.object({ check: z.string(), ok: z.boolean(), detail: z.string().optional() }),
);
const attributesSchema = z.record(z.string(), z.array(z.string()));
const rulesSchema = z.array(z.string());

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function truncateValues(values: readonly string[]): string[] {
  const kept = values.slice(0, MAX_VALUES).map((v) => cut(v, MAX_VALUE_CHARS));
  return values.length > MAX_VALUES ? [...kept, `… ${values.length - MAX_VALUES} more`] : kept;
}

/** The row to insert: shapes checked, values truncated, JSON columns serialised. */
export function newSamlTraceRow(id: string, trace: NewSamlTrace): SamlTraceRow {
  if (trace.outcome !== 'ok' && trace.outcome !== 'failed') {
    throw new GatewayError('INTERNAL', `SAML trace with outcome ${String(trace.outcome)}`);
  }
  const checks = checked('checks', trace.checks, checksSchema).map(({ check, ok, detail }) =>
    detail === undefined ? { check, ok } : { check, ok, detail: cut(detail, MAX_DETAIL_CHARS) },
  );
  const attributes = Object.fromEntries(
    Object.entries(checked('attributes', trace.attributes, attributesSchema)).map(
      ([name, values]) => [name, truncateValues(values)],
    ),
  );
  return {
    id,
    connectionId: trace.connectionId,
    at: trace.at ?? new Date(),
    outcome: trace.outcome,
    code: trace.code ?? null,
    nameId: trace.nameId ?? null,
    checks: JSON.stringify(checks),
    attributes: JSON.stringify(attributes),
    matchedRules: JSON.stringify(checked('matchedRules', trace.matchedRules, rulesSchema)),
  };
}

// Checked at runtime too: a caller in plain JS must not store a shape the reader would reject.
function checked<T>(column: string, value: unknown, schema: z.ZodType<T>): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new GatewayError('INTERNAL', `SAML trace ${column}: ${result.error.message}`);
  }
  return result.data;
}

function parseColumn<T>(row: SamlTraceRow, column: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new GatewayError('INTERNAL', `SAML trace ${row.id}: ${column} is not JSON`, { cause });
  }
  const checked = schema.safeParse(json);
  if (!checked.success) {
    throw new GatewayError('INTERNAL', `SAML trace ${row.id}: ${column} has an unexpected shape`);
  }
  return checked.data;
}

export function toSamlTraceRecord(row: SamlTraceRow): SamlTraceRecord {
  const { outcome } = row;
  if (outcome !== 'ok' && outcome !== 'failed') {
    throw new GatewayError('INTERNAL', `SAML trace ${row.id} has outcome ${outcome}`);
  }
  return {
    id: row.id,
    connectionId: row.connectionId,
    at: row.at,
    outcome,
    code: present(row.code),
    nameId: present(row.nameId),
    checks: parseColumn(row, 'checks', row.checks, checksSchema),
    attributes: parseColumn(row, 'attributes', row.attributes, attributesSchema),
    matchedRules: parseColumn(row, 'matchedRules', row.matchedRules, rulesSchema),
  };
}
