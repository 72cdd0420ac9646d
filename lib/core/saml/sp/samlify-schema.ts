/**
 * samlify's schema validator (`setSchemaValidator`, its public API; samlify refuses to parse any message
 * without one, AWS-FACTS §2.1). Rolegate no longer hands samlify a response to verify (verify-signatures.ts),
 * so this guards only what samlify might parse on its own: the full DOCTYPE refusal and our schema check,
 * never a pass without them.
 */
import { setSchemaValidator } from 'samlify';
import { parseOnce, rejectDoctype } from './gate';
import { validateResponseSchema } from './schema';
import { Trace } from './trace';

async function validate(xml: string): Promise<string> {
  const trace = new Trace();
  rejectDoctype(xml, trace);
  validateResponseSchema(parseOnce(xml, trace));
  return 'valid';
}

let installed = false;

/** Sets the validator once per process; safe to call from every connection. */
export function ensureSchemaValidator(): void {
  if (installed) return;
  setSchemaValidator({ validate });
  installed = true;
}
