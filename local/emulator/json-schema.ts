/**
 * The `$jsonSchema` query operator's validator: MongoDB's subset of JSON Schema draft 4 (with `bsonType`).
 * Keywords: bsonType, type, required, properties, additionalProperties (boolean or schema), patternProperties, enum,
 * minimum/maximum (+ exclusive*), multipleOf, minLength/maxLength, pattern, items (schema or tuple),
 * additionalItems, minItems/maxItems, uniqueItems, minProperties/maxProperties, allOf/anyOf/oneOf/not.
 * An unknown keyword fails the query (MongoDB refuses it too).
 */
import { isEqual } from 'mingo/util';

type Schema = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const KNOWN = new Set([
  'bsonType', 'type', 'required', 'properties', 'additionalProperties', 'patternProperties', 'enum', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'items', 'additionalItems',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'allOf', 'anyOf', 'oneOf', 'not', 'title',
  'description', 'dependencies',
]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);

function bsonTypeOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (value === undefined) return ['undefined'];
  if (typeof value === 'string') return ['string'];
  if (typeof value === 'boolean') return ['bool'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['int', 'long', 'double', 'number'] : ['double', 'number'];
  if (value instanceof Date) return ['date'];
  if (value instanceof RegExp) return ['regex'];
  if (Array.isArray(value)) return ['array'];
  return ['object'];
}

function jsonTypeOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  if (typeof value === 'string') return ['string'];
  if (typeof value === 'boolean') return ['boolean'];
  if (Array.isArray(value)) return ['array'];
  if (isPlainObject(value)) return ['object'];
  return [];
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);

function compile(schema: unknown): Check {
  if (!isPlainObject(schema)) throw new Error('$jsonSchema must be an object');
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`$jsonSchema: unknown keyword ${key}`);
  const checks: Check[] = [];
  const s = schema as Schema;
  if (s.bsonType !== undefined) {
    const wanted = list(s.bsonType);
    checks.push((v) => bsonTypeOf(v).some((t) => wanted.includes(t)));
  }
  if (s.type !== undefined) {
    const wanted = list(s.type);
    checks.push((v) => jsonTypeOf(v).some((t) => wanted.includes(t)));
  }
  if (Array.isArray(s.enum)) {
    const options = s.enum;
    checks.push((v) => options.some((o) => isEqual(o, v)));
  }
  const num = (check: (n: number) => boolean): Check => (v) => typeof v !== 'number' || check(v);
  if (typeof s.minimum === 'number') {
    const min = s.minimum;
    checks.push(num((n) => (s.exclusiveMinimum === true ? n > min : n >= min)));
  }
  if (typeof s.maximum === 'number') {
    const max = s.maximum;
    checks.push(num((n) => (s.exclusiveMaximum === true ? n < max : n <= max)));
  }
  if (typeof s.multipleOf === 'number') {
    const m = s.multipleOf;
    checks.push(num((n) => Number.isInteger(n / m)));
  }
  const str = (check: (t: string) => boolean): Check => (v) => typeof v !== 'string' || check(v);
  if (typeof s.minLength === 'number') checks.push(str((t) => Array.from(t).length >= (s.minLength as number)));
  if (typeof s.maxLength === 'number') checks.push(str((t) => Array.from(t).length <= (s.maxLength as number)));
  if (typeof s.pattern === 'string') {
    const re = new RegExp(s.pattern, 'u');
    checks.push(str((t) => re.test(t)));
  }
  const arr = (check: (a: unknown[]) => boolean): Check => (v) => !Array.isArray(v) || check(v);
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) {
      const tuple = s.items.map(compile);
      const extra = s.additionalItems === false ? () => false : isPlainObject(s.additionalItems) ? compile(s.additionalItems) : () => true;
      checks.push(arr((a) => a.every((item, i) => (i < tuple.length ? tuple[i](item) : extra(item)))));
    } else {
      const each = compile(s.items);
      checks.push(arr((a) => a.every(each)));
    }
  }
  if (typeof s.minItems === 'number') checks.push(arr((a) => a.length >= (s.minItems as number)));
  if (typeof s.maxItems === 'number') checks.push(arr((a) => a.length <= (s.maxItems as number)));
  if (s.uniqueItems === true) checks.push(arr((a) => a.every((x, i) => a.findIndex((y) => isEqual(x, y)) === i)));
  const obj = (check: (o: Record<string, unknown>) => boolean): Check => (v) => !isPlainObject(v) || check(v);
  if (Array.isArray(s.required)) {
    const required = s.required.map(String);
    checks.push(obj((o) => required.every((k) => Object.prototype.hasOwnProperty.call(o, k))));
  }
  const properties = isPlainObject(s.properties) ? Object.entries(s.properties).map(([k, sub]) => [k, compile(sub)] as const) : [];
  if (properties.length > 0) {
    checks.push(obj((o) => properties.every(([k, check]) => !Object.prototype.hasOwnProperty.call(o, k) || check(o[k]))));
  }
  const patterns = isPlainObject(s.patternProperties)
    ? Object.entries(s.patternProperties).map(([p, sub]) => [new RegExp(p, 'u'), compile(sub)] as const)
    : [];
  if (patterns.length > 0) {
    checks.push(obj((o) => Object.entries(o).every(([k, v]) => patterns.every(([re, check]) => !re.test(k) || check(v)))));
  }
  if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
    const named = new Set(properties.map(([k]) => k));
    const extra = s.additionalProperties === false ? () => false : compile(s.additionalProperties);
    checks.push(obj((o) => Object.entries(o).every(([k, v]) => named.has(k) || patterns.some(([re]) => re.test(k)) || extra(v))));
  }
  if (typeof s.minProperties === 'number') checks.push(obj((o) => Object.keys(o).length >= (s.minProperties as number)));
  if (typeof s.maxProperties === 'number') checks.push(obj((o) => Object.keys(o).length <= (s.maxProperties as number)));
  if (Array.isArray(s.allOf)) {
    const all = s.allOf.map(compile);
    checks.push((v) => all.every((c) => c(v)));
  }
  if (Array.isArray(s.anyOf)) {
    const any = s.anyOf.map(compile);
    checks.push((v) => any.some((c) => c(v)));
  }
  if (Array.isArray(s.oneOf)) {
    const one = s.oneOf.map(compile);
    checks.push((v) => one.filter((c) => c(v)).length === 1);
  }
  if (s.not !== undefined) {
    const not = compile(s.not);
    checks.push((v) => !not(v));
  }
  return (value) => checks.every((check) => check(value));
}

/** mingo's `jsonSchemaValidator` option: schema → predicate on a whole document. */
export const compileJsonSchema = (schema: unknown): ((doc: unknown) => boolean) => compile(schema);
