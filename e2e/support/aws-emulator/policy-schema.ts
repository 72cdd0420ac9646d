/**
 * zod schema for IAM trust policies as the emulator evaluates them: Effect, Principal, Action /
 * NotAction and Condition with the String* operators (policy-condition.ts). Anything else is rejected
 * when the config loads rather than silently ignored.
 */
import { z } from 'zod';
import { isSupportedConditionOperator } from './policy-condition';

const stringOrList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const conditionValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
]);

export const policyStatementSchema = z
  .object({
    Sid: z.string().optional(),
    Effect: z.enum(['Allow', 'Deny']),
    Principal: z.union([z.literal('*'), z.record(z.string(), stringOrList)]),
    Action: stringOrList.optional(),
    NotAction: stringOrList.optional(),
    Condition: z
      .record(z.string(), z.record(z.string(), conditionValue))
      .superRefine((block, ctx) => {
        for (const op of Object.keys(block).filter((k) => !isSupportedConditionOperator(k))) {
          ctx.addIssue({
            code: 'custom',
            message: `unsupported condition operator ${op} (String* operators only)`,
          });
        }
      })
      .optional(),
  })
  .strict()
  .refine((s) => (s.Action === undefined) !== (s.NotAction === undefined), {
    message: 'a statement needs exactly one of Action / NotAction',
  });

export const trustPolicySchema = z
  .object({
    Version: z.enum(['2012-10-17', '2008-10-17']).optional(),
    Id: z.string().optional(),
    // IAM accepts one statement or a list; normalised to a list (a union would hide the real error).
    Statement: z.preprocess(
      (v) => (Array.isArray(v) ? v : [v]),
      z.array(policyStatementSchema).min(1),
    ),
  })
  .strict();

export type TrustPolicy = z.output<typeof trustPolicySchema>;
export type TrustPolicyInput = z.input<typeof trustPolicySchema>;
export type PolicyStatement = z.output<typeof policyStatementSchema>;
