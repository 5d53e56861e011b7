// Example values for OpenAPI schemas: `example`, `examples`, `default`, `enum`, `const`, else made up by type.
import { isObject } from './read';

type Schema = Record<string, unknown>;

const FORMATS: Record<string, unknown> = {
  'date-time': '2024-01-01T00:00:00Z', date: '2024-01-01', time: '12:00:00', email: 'user@example.com', uuid: '00000000-0000-4000-8000-000000000000',
  uri: 'https://example.com', url: 'https://example.com', hostname: 'example.com', ipv4: '192.0.2.1', ipv6: '2001:db8::1', byte: 'U3dhZ2dlcg==', password: '********',
};

function explicit(s: Schema): { value: unknown } | undefined {
  if ('example' in s) return { value: s.example };
  if (Array.isArray(s.examples) && s.examples.length > 0) return { value: s.examples[0] };
  if ('const' in s) return { value: s.const };
  if ('default' in s) return { value: s.default };
  if (Array.isArray(s.enum) && s.enum.length > 0) return { value: s.enum[0] };
  return undefined;
}

function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return (s.type as string[]).find((t) => t !== 'null');
  if (typeof s.type === 'string') return s.type;
  if (isObject(s.properties)) return 'object';
  if (isObject(s.items)) return 'array';
  return undefined;
}

export function sampleFromSchema(schema: unknown, depth = 0, seen: Set<unknown> = new Set()): unknown {
  if (!isObject(schema) || depth > 8 || seen.has(schema)) return undefined;
  const e = explicit(schema);
  if (e) return e.value;
  seen.add(schema);
  try {
    if (Array.isArray(schema.allOf)) {
      const merged: Record<string, unknown> = {};
      for (const part of schema.allOf) {
        const v = sampleFromSchema(part, depth + 1, seen);
        if (isObject(v)) Object.assign(merged, v);
        else if (v !== undefined && schema.allOf.length === 1) return v;
      }
      return merged;
    }
    for (const k of ['oneOf', 'anyOf'] as const) {
      const list = schema[k];
      if (Array.isArray(list) && list.length > 0) return sampleFromSchema(list[0], depth + 1, seen);
    }
    switch (typeOf(schema)) {
      case 'object': {
        const out: Record<string, unknown> = {};
        const props = isObject(schema.properties) ? schema.properties : {};
        for (const [k, v] of Object.entries(props)) {
          if (isObject(v) && v.readOnly === true) continue;
          const value = sampleFromSchema(v, depth + 1, seen);
          if (value !== undefined) out[k] = value;
        }
        return out;
      }
      case 'array': {
        const item = sampleFromSchema(schema.items, depth + 1, seen);
        return item === undefined ? [] : [item];
      }
      case 'string': return FORMATS[String(schema.format)] ?? 'string';
      case 'integer': return typeof schema.minimum === 'number' ? schema.minimum : 0;
      case 'number': return typeof schema.minimum === 'number' ? schema.minimum : 0;
      case 'boolean': return true;
      default: return undefined;
    }
  } finally {
    seen.delete(schema);
  }
}

/** The example of a media type or parameter: `example`, the first of `examples`, else from the schema. */
export function mediaExample(media: unknown): unknown {
  if (!isObject(media)) return undefined;
  if ('example' in media) return media.example;
  if (isObject(media.examples)) {
    const first = Object.values(media.examples)[0];
    if (isObject(first) && 'value' in first) return first.value;
  }
  return sampleFromSchema(media.schema);
}

export function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}
