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

/**
 * Paths (`a.b[0]`) of every string, key or value, holding a control character inside `value`. The path of
 * a value is built only when it is reported: a 5,000-rule config is walked without making a string per node.
 */
export function controlCharacterPaths(value: unknown, path = ''): string[] {
  const found: string[] = [];
  collectControl(value, [], found, path);
  return found;
}

/** Joins the path as it was always written: `[i]` for an index, `.key` after a non-empty path, `key` first. */
function pathOf(root: string, at: readonly (string | number)[]): string {
  return at.reduce<string>((p, seg) => (typeof seg === 'number' ? `${p}[${seg}]` : p ? `${p}.${seg}` : seg), root);
}

function collectControl(value: unknown, at: (string | number)[], found: string[], root: string): void {
  if (typeof value === 'string') {
    if (CONTROL.test(value)) found.push(pathOf(root, at) || '(value)');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      at.push(i);
      collectControl(v, at, found, root);
      at.pop();
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      at.push(k);
      if (CONTROL.test(k)) found.push(pathOf(root, at));
      else collectControl(v, at, found, root);
      at.pop();
    }
  }
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
