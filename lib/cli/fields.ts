/** Typed reads of untrusted JSON objects (the server's answers, the CLI's own state files). */
import { failure } from './errors';
import { isRecord } from './files';

/** Reads typed fields of an untrusted object; a missing or mistyped field is a clear failure. */
export class Fields {
  constructor(
    private readonly what: string,
    private readonly obj: Record<string, unknown>,
  ) {}

  static of(what: string, value: unknown): Fields {
    if (!isRecord(value)) throw failure(`unexpected ${what} from the server`);
    return new Fields(what, value);
  }

  str(key: string): string {
    const v = this.obj[key];
    if (typeof v !== 'string' || v === '') throw failure(`${this.what}: "${key}" is missing`);
    return v;
  }

  optStr(key: string): string | undefined {
    const v = this.obj[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
  }

  num(key: string): number {
    const v = this.obj[key];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw failure(`${this.what}: "${key}" is missing`);
    return v;
  }

  optNum(key: string): number | undefined {
    const v = this.obj[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  }

  sub(key: string): Fields {
    return Fields.of(`${this.what}.${key}`, this.obj[key]);
  }

  list(key: string): unknown[] {
    const v = this.obj[key];
    if (!Array.isArray(v)) throw failure(`${this.what}: "${key}" is missing`);
    return v;
  }
}
