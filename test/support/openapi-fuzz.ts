import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  additionalProperties?: boolean | SchemaObject;
}
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}
export interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: SchemaObject }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
export type WriteMethod = (typeof WRITE_METHODS)[number];

export interface WriteOperation {
  method: WriteMethod;
  /** OpenAPI form: `/api/v1/users/{id}`. */
  path: string;
  operation: OpenApiOperation;
}

/** Every POST/PUT/PATCH/DELETE of the document under `prefix`, in document order. */
export function writeOperations(doc: OpenApiDocument, prefix = '/api/v1/'): WriteOperation[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, item]) => WRITE_METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method]! })));
}

/** Values that exist in the database, so generated bodies reach past "not found" into the handlers. */
export interface KnownValues {
  /** Ids by what they name: `cycle`, `comment` (analysis and feedback), `templateVersion`, `decision`, `any`. */
  ids: Record<'cycle' | 'comment' | 'templateVersion' | 'decision' | 'any', string[]>;
  /** Template definitions that exist, for `definition` fields (then damaged somewhere inside by the mutations). */
  definitions: unknown[];
  orgUnitCodes: string[];
  indicatorCodes: string[];
  themeKeys: string[];
  sectionIds: string[];
}

/** One generated request; `params` fill the path's `{name}`s. */
export interface FuzzRequest {
  params: Record<string, string>;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body: FuzzBody;
}
export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string> }
  | { kind: 'raw'; type: string; text: string }
  | { kind: 'multipart'; fields: Array<[string, string]>; files: FuzzFile[] };
export interface FuzzFile {
  field: string;
  name: string;
  bytes: Uint8Array;
}

/** Text a careless or hostile client sends: empty, padded, markup, SQL, direction overrides, combining marks. */
const TRICKY_TEXT = [
  '', ' ', '  x  ', '0', '-1', '1e309', 'NaN', 'null', 'true', 'undefined', 'å', 'ÅÄÖ åäö', '😀', 'e\u0301', '\u202eabc', '\u200b', 'a\tb\nc\r\n',
  '<script>alert(1)</script>', "x'; DROP TABLE app_user; --", '../../etc/passwd', '%00', '%s%n', '{{constructor}}', '__proto__', '$where',
  '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-06-19T25:61:00Z', '-2026-01-01', '2026', '2026-Q5', 'R12-2025-13',
  '00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-000000000000', 'not-a-uuid',
];
const HUGE = fc.tuple(fc.constantFrom(5_000, 70_000, 400_000), fc.constantFrom('x', 'å', '😀', ' ', 'a '.repeat(3))).map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
  { weight: 1, arbitrary: HUGE },
);

const number: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(-0, 0.5, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE, 2026, 99999) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

/** Text a schema's string might hold: short words, Swedish letters, now and then something odd. */
const plainText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
  { weight: 3, arbitrary: fc.constantFrom('Vårdsamverkan', 'Årshjulet 2026', 'Länsgemensam rutin för utskrivning.', '**Fet** text och [en länk](https://example.se)', '- punkt\n- punkt', 'ÅÄÖ åäö') },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
);

const isoDate = fc.date({ min: new Date('2019-01-01'), max: new Date('2061-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}$/;

/** Any JSON value, nested no deeper than `depth`. */
const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'id', 'version')), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Arrays or objects nested around the JSON edge's limit (32 levels): some pass into the handlers, some are refused. */
const deeplyNested = fc.tuple(fc.integer({ min: 8, max: 40 }), fc.boolean()).map(([levels, arrays]) => {
  let value: unknown = 'botten';
  for (let i = 0; i < levels; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** A value of the wrong kind for any field. */
export const confused: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, true, false, 0, -1, '', [], {}, [null], { '': null }) },
  { weight: 3, arbitrary: jsonish },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: deeplyNested },
);

/** Everything the fuzzer generates from a schema: valid-looking values steered to known ones by property name. */
export class SchemaArbitraries {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly known: KnownValues,
  ) {}

  resolve(schema: SchemaObject): SchemaObject {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const found = this.doc.components?.schemas?.[name];
    if (!found) throw new Error(`unresolved ${schema.$ref}`);
    return this.resolve(found);
  }

  /** A value the schema allows, or nearly: right type, known ids and codes where the name says what it holds. */
  valid(input: SchemaObject, name = '', depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const options: Array<fc.WeightedArbitrary<unknown>> = [];
    if (schema.example !== undefined) options.push({ weight: 2, arbitrary: fc.constant(schema.example) });
    options.push({ weight: 6, arbitrary: this.byType(schema, name, depth) });
    if (schema.nullable) options.push({ weight: 1, arbitrary: fc.constant(null) });
    return fc.oneof(...options);
  }

  private byType(schema: SchemaObject, name: string, depth: number): fc.Arbitrary<unknown> {
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const hinted = this.hinted(name);
    switch (schema.type) {
      case 'string':
        if (hinted) return fc.oneof({ weight: 9, arbitrary: hinted }, { weight: 1, arbitrary: plainText });
        if (typeof schema.example === 'string' && DATE_LIKE.test(schema.example)) return fc.oneof({ weight: 9, arbitrary: isoDate }, { weight: 1, arbitrary: plainText });
        if (/email/i.test(name)) return fc.oneof({ weight: 3, arbitrary: fc.emailAddress() }, { weight: 1, arbitrary: fc.constantFrom('ANNA@Test.se', ' anna@test.se ', 'anna@test', 'å@å.se') });
        return schema.maxLength ? fc.oneof({ weight: 4, arbitrary: plainText }, { weight: 1, arbitrary: fc.constant('å'.repeat(schema.maxLength + 1)) }) : plainText;
      case 'number':
      case 'integer':
        if (/version/i.test(name)) return fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: number });
        if (/year/i.test(name)) return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2019, max: 2061 }) }, { weight: 1, arbitrary: number });
        return fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 100 }) },
          { weight: 1, arbitrary: fc.constantFrom(...[schema.minimum, schema.maximum].filter((n) => n !== undefined).flatMap((n) => [n! - 1, n! + 1]), 0.5) },
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(schema.items ? this.valid(schema.items, name, depth + 1) : jsonish, { maxLength: depth > 2 ? 1 : 4 });
      case 'object':
        if (schema.properties && depth < 5) return this.record(schema, depth);
        if (name === 'definition' && this.known.definitions.length) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...this.known.definitions) }, { weight: 1, arbitrary: jsonish });
        return fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), jsonish, { maxKeys: 4 }), jsonish);
      default:
        if (hinted) return fc.oneof(hinted, plainText);
        return jsonish;
    }
  }

  private record(schema: SchemaObject, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const properties = schema.properties ?? {};
    const shape = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, this.valid(property, key, depth + 1)]));
    return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) }) as fc.Arbitrary<Record<string, unknown>>;
  }

  /** Known values for a property whose name says it holds an id, a code or a key. */
  private hinted(name: string): fc.Arbitrary<string> | null {
    const pick = (values: string[], fresh?: RegExp) => {
      const known = values.length ? fc.constantFrom(...values) : null;
      if (!fresh) return known;
      return known ? fc.oneof({ weight: 3, arbitrary: known }, { weight: 1, arbitrary: fc.stringMatching(fresh) }) : fc.stringMatching(fresh);
    };
    if (/^(orgUnit|ownerOrgUnitCode|parentCode)$/.test(name)) return pick(this.known.orgUnitCodes);
    if (/^(indicator|indicatorCodes|code)$/.test(name)) return pick(this.known.indicatorCodes, /^[A-Z]{2,3}\d{2}$/);
    if (/^(themeKeys|theme_tags|key)$/.test(name)) return pick(this.known.themeKeys, /^[a-z][a-z0-9_]{0,20}$/);
    if (/^sectionId$/.test(name)) return pick(this.known.sectionIds);
    if (name === 'cycleId') return pick(this.known.ids.cycle);
    if (name === 'parentId') return pick(this.known.ids.comment);
    if (name === 'templateVersion') return pick(this.known.ids.templateVersion);
    if (/Decisions$/.test(name)) return pick(this.known.ids.decision);
    if (/Id$/.test(name)) return pick(this.known.ids.any);
    if (/^(years|dataPeriods)$/.test(name)) return fc.constantFrom('2023', '2024', '2025', '2025-Q1', '2024-07', 'R12-2025-06');
    return null;
  }

  /** A body for a JSON schema: mostly valid, else one field missing, confused or added, else all of it confused. */
  jsonBody(schema: SchemaObject): fc.Arbitrary<unknown> {
    const resolved = this.resolve(schema);
    const valid = this.valid(resolved);
    const mutated = valid.chain((value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return confused;
      const record = value as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(resolved.properties ?? {}), ...Object.keys(record)])];
      const mutations: Array<fc.Arbitrary<unknown>> = [
        fc.tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), confused).map(([key, bad]) => ({ ...record, [key]: bad })),
        // null where a field may be left out is the classic slip between "optional" and "nullable".
        fc.constantFrom(...(keys.length ? keys : ['x'])).map((key) => ({ ...record, [key]: null })),
        fc.tuple(fc.constantFrom('__proto__', 'constructor', 'id', 'createdBy', 'status', 'role', 'x'), confused).map(([key, bad]) => ({ ...record, [key]: bad })),
      ];
      if (Object.keys(record).length) mutations.push(fc.constantFrom(...Object.keys(record)).map((key) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key))));
      const inner = innerPaths(record);
      if (inner.length) mutations.push(fc.tuple(fc.constantFrom(...inner), confused, fc.boolean()).map(([path, bad, drop]) => replaceAt(record, path, bad, drop)));
      return fc.oneof(...mutations);
    });
    return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 4, arbitrary: mutated }, { weight: 1, arbitrary: confused });
  }

  /** A multipart body: the schema's text fields, and files of random bytes, CSV-ish text or zip-ish bytes. */
  multipartBody(schema: SchemaObject, samples: FileSamples): fc.Arbitrary<FuzzBody> {
    const resolved = this.resolve(schema);
    const entries = Object.entries(resolved.properties ?? {});
    const fileFields = entries.filter(([, property]) => this.resolve(property).format === 'binary').map(([key]) => key);
    const textFields = entries.filter(([key]) => !fileFields.includes(key));
    const fieldArbs = textFields.map(([key, property]) =>
      fc.option(fc.oneof({ weight: 4, arbitrary: this.valid(property, key).map(asFieldText) }, { weight: 1, arbitrary: text }), { nil: undefined, freq: 2 }).map((value) => (value === undefined ? [] : [[key, value] as [string, string]])),
    );
    const file = (field: string) => fc.record({ field: fc.constant(field), name: fileName, bytes: fileBytes(samples) });
    const files = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(...fileFields.map(file)) as fc.Arbitrary<FuzzFile[]> },
      { weight: 1, arbitrary: fc.constant([] as FuzzFile[]) },
      { weight: 1, arbitrary: fc.tuple(file(fileFields[0] ?? 'file'), file(fileFields[0] ?? 'file')) as fc.Arbitrary<FuzzFile[]> },
      { weight: 1, arbitrary: fc.tuple(file('annat')) as fc.Arbitrary<FuzzFile[]> },
    );
    return fc.record({ fields: fc.tuple(...fieldArbs).map((list) => list.flat()), files }).map(({ fields, files }) => ({ kind: 'multipart' as const, fields, files }));
  }

  /** A query or header value for a parameter, as the text a client puts on the wire. */
  parameterValue(parameter: OpenApiParameter): fc.Arbitrary<string> {
    if (/^if-match$/i.test(parameter.name)) {
      return fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }).map((n) => `"${n}"`) },
        { weight: 2, arbitrary: fc.constantFrom('*', 'W/"1"', '1', '"abc"', '"1", "2"', '""', '"-1"', '"1.5"', '"99999999999999999999"', '"0x1"') },
        { weight: 1, arbitrary: text },
      );
    }
    return fc.oneof({ weight: 3, arbitrary: this.valid(parameter.schema ?? {}, parameter.name).map(asFieldText) }, { weight: 1, arbitrary: text });
  }
}

/** Paths to every value nested inside `value` (below its top level), at most 200. */
function innerPaths(value: unknown, prefix: Array<string | number> = [], found: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (found.length >= 200 || typeof value !== 'object' || value === null) return found;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    if (prefix.length) found.push(path);
    innerPaths(child, path, found);
  }
  return found;
}

/** A copy of `value` with the thing at `path` replaced by `bad`, or removed. */
function replaceAt(value: unknown, path: Array<string | number>, bad: unknown, drop: boolean): unknown {
  const [head, ...rest] = path;
  if (head === undefined || typeof value !== 'object' || value === null) return bad;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (!rest.length && drop) copy.splice(Number(head), 1);
    else copy[Number(head)] = replaceAt(copy[Number(head)], rest, bad, drop);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (!rest.length && drop) delete copy[head as string];
  else copy[head as string] = replaceAt(copy[head as string], rest, bad, drop);
  return copy;
}

function asFieldText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}

/** Real files the uploads start from (a workbook, a PDF, a Word file), to be cut short or bit-flipped. */
export interface FileSamples {
  zips: Uint8Array[];
  others: Uint8Array[];
}

const fileName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('varden.csv', 'värden.xlsx', 'plan.pdf', 'plan.docx', 'data.json', 'a.bin', 'noext') },
  { weight: 2, arbitrary: fc.constantFrom('', '.', '../../etc/passwd', 'C:\\temp\\a.csv', `${'å'.repeat(300)}.csv`, 'a\u202ecod.exe', 'con.csv', ' .csv') },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('.csv', '.xlsx', '.pdf', '')).map(([base, ext]) => base + ext) },
);

const csvCell = fc.oneof(fc.constantFrom('HF01', 'IU03', 'BG04', 'SIP01', 'Riket', 'Västra Götaland', '1480', 'DR-SKB', 'H-SU', '2024', '2025-Q2', '2024-07', '12,5', '3 421', '-0', '1e9', '', '"', 'x;y'), fc.string({ maxLength: 8 }));
const csvText = fc
  .tuple(
    fc.constantFrom('indikator;enhet;period;värde', 'indikator,enhet,period,värde', 'indicator;unit;period;value', 'indikator;enhet;2023;2024', 'kpi;municipality;period;value', '', '\ufeffindikator;enhet;period;värde'),
    fc.array(fc.array(csvCell, { minLength: 1, maxLength: 6 }), { maxLength: 12 }),
    fc.constantFrom(';', ',', '\t'),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([header, rows, separator, newline]) => Buffer.from([header, ...rows.map((row) => row.join(separator))].join(newline), 'utf8'));

function fileBytes(samples: FileSamples): fc.Arbitrary<Uint8Array> {
  const sample = fc.constantFrom(...samples.zips, ...samples.others);
  const damaged = fc.tuple(sample, fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 })).map(([bytes, keep, flips]) => {
    const copy = Uint8Array.from(bytes.subarray(0, Math.max(1, Math.floor(bytes.length * keep))));
    for (const [at, value] of flips) copy[at % copy.length] = value;
    return copy;
  });
  const zipHeaded = fc.uint8Array({ maxLength: 2048 }).map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail]));
  return fc.oneof(
    { weight: 3, arbitrary: csvText },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 4096 }) },
    { weight: 2, arbitrary: sample },
    { weight: 3, arbitrary: damaged },
    { weight: 1, arbitrary: zipHeaded },
    { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
    { weight: 1, arbitrary: text.map((s) => Buffer.from(s, 'utf8')) },
  );
}

/** Any request body for an operation, steered by its requestBody (or hostile JSON and text when it has none). */
export function bodyArbitrary(arbs: SchemaArbitraries, operation: OpenApiOperation, samples: FileSamples): fc.Arbitrary<FuzzBody> {
  const content = operation.requestBody?.content ?? {};
  const odd = fc.oneof(
    fc.constant<FuzzBody>({ kind: 'none' }),
    confused.map<FuzzBody>((value) => ({ kind: 'json', value })),
    fc.tuple(
      fc.constantFrom(
        'text/plain', 'application/xml', 'application/json', 'application/json; charset=utf-16', 'application/merge-patch+json', 'application/x-www-form-urlencoded',
        'multipart/form-data', 'multipart/form-data; boundary=x', 'multipart/form-data; boundary="a b"; charset=latin1', 'multipart/mixed; boundary=x',
      ),
      fc.oneof(text, fc.constantFrom('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nHF01;14;2024;1\r\n--x--', '--x--', '--x\r\n\r\n')),
    ).map<FuzzBody>(([type, text]) => ({ kind: 'raw', type, text })),
  );
  const options: Array<fc.WeightedArbitrary<FuzzBody>> = [{ weight: 1, arbitrary: odd }];
  if (content['application/json']) {
    const json = arbs.jsonBody(content['application/json'].schema);
    options.push({ weight: 6, arbitrary: json.map((value) => ({ kind: 'json' as const, value })) });
    // The same fields as a form post: every value a string, as a confused client would send them.
    options.push({ weight: 1, arbitrary: json.map((value) => ({ kind: 'form' as const, value: formOf(value) })) });
  }
  if (content['multipart/form-data']) options.push({ weight: 7, arbitrary: arbs.multipartBody(content['multipart/form-data'].schema, samples) });
  if (options.length === 1) options.push({ weight: 2, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) }, { weight: 1, arbitrary: fc.constant<FuzzBody>({ kind: 'json', value: {} }) });
  return fc.oneof(...options);
}

function formOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return { value: asFieldText(value) };
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, asFieldText(field)]));
}

/** A whole request for `operation`: path parameters from `params` (known rows or made-up ids), query, headers, body. */
export function requestArbitrary(arbs: SchemaArbitraries, operation: OpenApiOperation, params: fc.Arbitrary<Record<string, string>>, samples: FileSamples): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const pairs = (where: 'query' | 'header') =>
    fc.tuple(...parameters.filter((p) => p.in === where).map((p) => fc.option(arbs.parameterValue(p), { nil: undefined, freq: p.required ? 6 : 2 }).map((value) => (value === undefined ? [] : [[p.name, value] as [string, string]])))).map((list) => list.flat());
  const extraQuery = fc.array(fc.tuple(fc.constantFrom('version', 'page', 'force', 'format', 'x', '__proto__', 'id[]'), text), { maxLength: 2 });
  return fc.record({
    params,
    query: fc.tuple(pairs('query'), fc.oneof({ weight: 4, arbitrary: fc.constant([] as Array<[string, string]>) }, { weight: 1, arbitrary: extraQuery })).map(([own, extra]) => [...own, ...extra]),
    headers: pairs('header').map((list) => Object.fromEntries(list)),
    body: bodyArbitrary(arbs, operation, samples),
  });
}

/** Made-up path parameter values: unknown ids, wrong shapes, numbers, unicode. */
export const unknownParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid', '1', '-1', '99999999999999999999', 'HF01', 'DR-SKB', 'ÅÄÖ', 'x'.repeat(300), '.', '..') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }) },
);
