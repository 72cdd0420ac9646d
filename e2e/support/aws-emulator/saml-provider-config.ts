/**
 * Config entries for IAM SAML providers: `{ account, name, metadataXml | metadataFile }`. The metadata is
 * parsed when the config loads (saml-metadata.ts), so a broken IdP metadata document fails start-up.
 * `metadataFile` is relative to the config file and is inlined by loadEmulatorConfig.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseSamlMetadata, SamlMetadataError } from './saml-metadata';

export const samlProviderSchema = z
  .object({
    account: z.string().regex(/^\d{12}$/, 'account ids are 12 digits'),
    name: z.string().regex(/^[\w.-]{1,128}$/, 'SAML provider names are 1-128 of [\\w.-]'),
    // IAM's SAMLMetadataDocument is at most 10,000,000 characters.
    metadataXml: z.string().min(1).max(10_000_000).optional(),
    metadataFile: z.string().min(1).optional(),
  })
  .strict()
  .transform((p, ctx) => {
    const problem =
      p.metadataXml !== undefined && p.metadataFile !== undefined
        ? 'give either metadataXml or metadataFile, not both'
        : p.metadataFile !== undefined
          ? 'metadataFile is only read by loadEmulatorConfig; pass metadataXml instead'
          : p.metadataXml === undefined
            ? 'a SAML provider needs metadataXml (or metadataFile)'
            : undefined;
    if (problem !== undefined || p.metadataXml === undefined) {
      ctx.addIssue({ code: 'custom', message: problem ?? 'metadataXml is missing' });
      return z.NEVER;
    }
    try {
      const { entityId, certificates } = parseSamlMetadata(p.metadataXml);
      const arn = samlProviderArn(p);
      return { account: p.account, name: p.name, arn, entityId, certificates };
    } catch (err) {
      if (!(err instanceof SamlMetadataError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message, path: ['metadataXml'] });
      return z.NEVER;
    }
  });

export type SamlProviderConfig = z.output<typeof samlProviderSchema>;

/** The IAM ARN of a SAML provider, as trust policies name it in `Principal.Federated`. */
export function samlProviderArn(p: { account: string; name: string }): string {
  return `arn:aws:iam::${p.account}:saml-provider/${p.name}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Replaces each `metadataFile` (relative to `baseDir`) by `metadataXml` with the file's text.
 * Returns a copy; an unreadable file is reported with the provider's index.
 */
export async function inlineMetadataFiles(json: unknown, baseDir: string): Promise<unknown> {
  if (!isRecord(json) || !Array.isArray(json['samlProviders'])) return json;
  const providers = await Promise.all(
    json['samlProviders'].map(async (p: unknown, i: number) => {
      if (!isRecord(p) || typeof p['metadataFile'] !== 'string' || 'metadataXml' in p) return p;
      const file = path.resolve(baseDir, p['metadataFile']);
      try {
        const { metadataFile: _file, ...rest } = p;
        return { ...rest, metadataXml: await readFile(file, 'utf8') };
      } catch (err) {
        throw new Error(`samlProviders.${i}.metadataFile: cannot read ${file}`, { cause: err });
      }
    }),
  );
  return { ...json, samlProviders: providers };
}
