/**
 * Free text from users and admins (issue 12 §7): reasons, descriptions, names, aliases, config YAML,
 * device user codes… may hold any printable Unicode, line breaks and tabs, but never NUL or another
 * control character. PostgreSQL refuses NUL in text and jsonb (a 500 before this check), and control
 * characters in a name or reason can forge lines in logs and exports. One predicate, one zod refinement,
 * one typed refusal (INPUT_CONTROL_CHARACTER), used by every schema that takes text.
 */
import { z } from 'zod';
import { GatewayError } from '../errors';

/** C0 controls except TAB, LF and CR; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain NUL or other control characters';

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** A zod string that refuses control characters: use it (then `.min`, `.max`…) for every free-text field. */
export function freeText(): z.ZodString {
  return z.string().refine((s) => !CONTROL.test(s), { message: CONTROL_CHARACTER_MESSAGE, params: { controlCharacter: true } });
}

/** Paths (`a.b[0]`) of every string, key or value, holding a control character inside `value`. */
export function controlCharacterPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return CONTROL.test(value) ? [path || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterPaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const at = path ? `${path}.${k}` : k;
      return CONTROL.test(k) ? [at] : controlCharacterPaths(v, at);
    });
  }
  return [];
}

const isControlIssue = (i: z.core.$ZodIssue) => i.code === 'custom' && i.params?.controlCharacter === true;

/** Formats zod issues as `path: message` lines, safe to show the sender. */
export function zodProblems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}

/**
 * The typed 400 for input a schema refused: INPUT_CONTROL_CHARACTER when a free-text field held a
 * control character, else `code` (BAD_REQUEST unless the caller's domain has its own).
 */
export function inputRefusal(error: z.ZodError, code: 'BAD_REQUEST' | 'GRANT_INVALID' = 'BAD_REQUEST'): GatewayError {
  const problems = zodProblems(error);
  const control = error.issues.some(isControlIssue) || hasUnionControlIssue(error.issues);
  return new GatewayError(control ? 'INPUT_CONTROL_CHARACTER' : code, problems, { publicDetail: problems });
}

/** Issues inside union branches (discriminated unions report the chosen branch's issues nested). */
function hasUnionControlIssue(issues: readonly z.core.$ZodIssue[]): boolean {
  return issues.some((i) => i.code === 'invalid_union' && i.errors.some((branch) => branch.some(isControlIssue) || hasUnionControlIssue(branch)));
}
