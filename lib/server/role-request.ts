/** The body of a request for a role's keys or console link (web forms and the JSON API). */
import { z } from 'zod';
import { freeText, inputRefusal } from '../core/text/free-text';

/** An empty form field means "not given". */
const optional = <T extends z.ZodType<string>>(schema: T) => schema.optional().or(z.literal('').transform(() => undefined));

export const roleRequestSchema = z.object({
  /** A role id, ARN or `<account alias>/<role name>` (the JSON API resolves the latter two). */
  roleId: freeText().min(3).max(200),
  /** Console only: the service page to open (`s3`, `ec2`, …). */
  service: optional(z.string().regex(/^[a-z0-9-]{1,40}$/)),
  /** Console only: open the console in this region instead of the role's. */
  region: optional(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/)),
});

export function parseRoleRequest(body: Record<string, unknown>): z.output<typeof roleRequestSchema> {
  const parsed = roleRequestSchema.safeParse(body);
  if (!parsed.success) throw inputRefusal(parsed.error);
  return parsed.data;
}
