/**
 * A deliberately small reader of prisma/schema.prisma's model blocks, for the schema conformance test. It
 * understands what the schema uses today and throws on anything else, so a schema change that it cannot
 * judge fails the test loudly instead of passing unchecked.
 */
export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  id: boolean;
  unique: boolean;
  /** `now()` or undefined */
  defaultValue?: string;
}

export interface SchemaRelation {
  field: string;
  /** `Model.field` */
  references: string;
  onDelete?: string;
  onUpdate?: string;
  optional: boolean;
}

export interface SchemaModel {
  name: string;
  scalars: SchemaField[];
  relations: SchemaRelation[];
  uniques: string[][];
  indexes: string[][];
  /** Fields of a composite primary key (`@@id([a, b])`), or undefined. */
  compositeId?: string[];
}

const FIELD = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/;
const KNOWN_FIELD_ATTRIBUTE = /^@(id|unique|default\(now\(\)\)|relation\([^)]*\))$/;

export function parsePrismaSchema(text: string): SchemaModel[] {
  const source = text.replace(/\/\/.*$/gm, '');
  const blocks = [...source.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(blocks.map((b) => b[1] ?? ''));
  return blocks.map(([, name = '', body = '']) => parseModel(name, body, modelNames));
}

function parseModel(name: string, body: string, modelNames: ReadonlySet<string>): SchemaModel {
  const model: SchemaModel = { name, scalars: [], relations: [], uniques: [], indexes: [] };
  for (const line of body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const block = /^@@(unique|index|id)\(\[([^\]]*)\]\)$/.exec(line);
    if (block) {
      if (block[1] === 'id') model.compositeId = list(block[2]);
      else (block[1] === 'unique' ? model.uniques : model.indexes).push(list(block[2]));
      continue;
    }
    const field = FIELD.exec(line);
    if (!field)
      throw new Error(
        `schema.prisma: cannot read "${line}" in model ${name}; extend prisma-schema.ts`,
      );
    const [, fieldName = '', type = '', isList, optional, rest = ''] = field;
    const attributes: string[] = rest.match(/@[\w.]+(\((?:[^()]|\([^()]*\))*\))?/g) ?? [];
    const unknown = attributes.filter((a) => !KNOWN_FIELD_ATTRIBUTE.test(a));
    if (unknown.length > 0) {
      throw new Error(
        `schema.prisma: ${name}.${fieldName} uses ${unknown.join(' ')}; extend prisma-schema.ts`,
      );
    }
    if (modelNames.has(type)) {
      if (!isList) model.relations.push(relation(type, rest, optional === '?'));
      continue;
    }
    model.scalars.push({
      name: fieldName,
      type,
      optional: optional === '?',
      id: attributes.includes('@id'),
      unique: attributes.includes('@unique'),
      defaultValue: attributes.includes('@default(now())') ? 'now()' : undefined,
    });
  }
  return model;
}

function relation(model: string, attributes: string, optional: boolean): SchemaRelation {
  const args = /@relation\(([^)]*)\)/.exec(attributes)?.[1] ?? '';
  const fields = list(/fields:\s*\[([^\]]*)\]/.exec(args)?.[1]);
  const references = list(/references:\s*\[([^\]]*)\]/.exec(args)?.[1]);
  const [field, reference] = [fields[0], references[0]];
  if (fields.length !== 1 || references.length !== 1 || !field || !reference) {
    throw new Error(
      `schema.prisma: only single-column relations are understood (${args}); extend prisma-schema.ts`,
    );
  }
  return {
    field,
    references: `${model}.${reference}`,
    onDelete: /onDelete:\s*(\w+)/.exec(args)?.[1],
    onUpdate: /onUpdate:\s*(\w+)/.exec(args)?.[1],
    optional,
  };
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
