/**
 * Compares what schema.prisma describes with what a migrated Postgres database holds: every
 * table, column (type, nullability, default), enum, primary key, unique constraint, index (with
 * each column's sort order and operator class) and foreign key. Returns one line per difference, so an empty list means "no drift".
 *
 * The expected side comes from Prisma's own parser (getDMMF, a WebAssembly module that needs no
 * download) and follows the names Prisma's migration engine gives: <table>_pkey, <table>_<cols>_key,
 * <table>_<cols>_idx, <table>_<cols>_fkey.
 */
import internals from '@prisma/internals';
import type pg from 'pg';

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = DMMF['datamodel']['models'][number];
type Field = Model['fields'][number];

export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
}

export interface IndexShape {
  columns: string[];
  unique: boolean;
  primary: boolean;
  method: string;
  /** 'asc' or 'desc' per column, in column order. */
  order: string[];
  /**
   * Operator class per column. schema.prisma leaves most unnamed (name null: the type's default);
   * the database always names the class and knows whether it is the default.
   */
  opclasses: Array<{ name: string | null; isDefault: boolean }>;
}

export interface ForeignKeyShape {
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface SchemaShape {
  enums: Record<string, string[]>;
  tables: Record<string, { columns: Record<string, ColumnShape> }>;
  indexes: Record<string, IndexShape & { table: string }>;
  foreignKeys: Record<string, ForeignKeyShape & { table: string }>;
}

const IGNORED_TABLES = new Set(['_prisma_migrations']);

export async function expectedShape(schemaText: string): Promise<SchemaShape> {
  const dmmf = await internals.getDMMF({ datamodel: schemaText });
  const shape: SchemaShape = { enums: {}, tables: {}, indexes: {}, foreignKeys: {} };
  const enumDbName = new Map<string, string>();
  for (const e of dmmf.datamodel.enums) {
    const name = e.dbName ?? e.name;
    enumDbName.set(e.name, name);
    shape.enums[name] = e.values.map((v) => v.dbName ?? v.name);
  }
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const tableOf = (m: Model) => m.dbName ?? m.name;
  const columnOf = (m: Model, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    if (!f) throw new Error(`${m.name}.${fieldName} not found`);
    return f.dbName ?? f.name;
  };

  for (const model of dmmf.datamodel.models) {
    const table = tableOf(model);
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind !== 'scalar' && field.kind !== 'enum') continue;
      columns[field.dbName ?? field.name] = {
        type: sqlType(field, enumDbName),
        nullable: field.isList || !field.isRequired,
        default: expectedDefault(field),
      };
    }
    shape.tables[table] = { columns };

    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
      const target = models.get(field.type);
      if (!target) throw new Error(`relation target ${field.type} not found`);
      const cols = field.relationFromFields.map((f) => columnOf(model, f));
      shape.foreignKeys[`${table}_${cols.join('_')}_fkey`] = {
        table,
        columns: cols,
        refTable: tableOf(target),
        refColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
        onDelete: referentialAction(field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')),
        onUpdate: referentialAction((field as { relationOnUpdate?: string }).relationOnUpdate ?? 'Cascade'),
      };
    }
  }

  for (const index of dmmf.datamodel.indexes) {
    const model = models.get(index.model);
    if (!model) continue;
    const table = tableOf(model);
    const cols = index.fields.map((f) => columnOf(model, f.name));
    const suffix = index.type === 'id' ? 'pkey' : index.type === 'unique' ? 'key' : 'idx';
    const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : `${table}_${cols.join('_')}_${suffix}`);
    shape.indexes[name] = {
      table,
      columns: cols,
      unique: index.type === 'id' || index.type === 'unique',
      primary: index.type === 'id',
      method: (index.algorithm ?? 'BTree').toLowerCase(),
      order: index.fields.map((f) => f.sortOrder ?? 'asc'),
      opclasses: index.fields.map((f) =>
        f.operatorClass
          ? { name: postgresOpclass(f.operatorClass), isDefault: false }
          : { name: null, isDefault: true },
      ),
    };
  }
  return shape;
}

/**
 * Prisma names operator classes in PascalCase (JsonbPathOps, Int4MinMaxOps) and passes raw("…")
 * through as written; Postgres spells them jsonb_path_ops, int4_minmax_ops.
 */
export function postgresOpclass(prismaName: string): string {
  if (/[_\s]|^[a-z]/.test(prismaName)) return prismaName;
  return prismaName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/min_max/g, 'minmax')
    .replace(/ts_vector/g, 'tsvector')
    .replace(/timestamp_tz/g, 'timestamptz')
    .replace(/time_tz/g, 'timetz')
    .replace(/var_bit/g, 'varbit')
    .replace(/mac_addr/g, 'macaddr');
}

function sqlType(field: Field, enums: Map<string, string>): string {
  const [native, args = []] = (field.nativeType as [string, string[]] | null | undefined) ?? [];
  let base: string;
  if (field.kind === 'enum') base = enums.get(field.type) ?? field.type;
  else
    switch (field.type) {
      case 'String':
        base = native === 'Uuid' ? 'uuid' : native === 'VarChar' ? `character varying(${args[0]})` : 'text';
        break;
      case 'Int':
        base = 'integer';
        break;
      case 'BigInt':
        base = 'bigint';
        break;
      case 'Float':
        base = 'double precision';
        break;
      case 'Boolean':
        base = 'boolean';
        break;
      case 'Json':
        base = native === 'Json' ? 'json' : 'jsonb';
        break;
      case 'Bytes':
        base = 'bytea';
        break;
      case 'Decimal':
        base = native === 'Decimal' ? `numeric(${args.join(',')})` : 'numeric(65,30)';
        break;
      case 'DateTime':
        if (native === 'Timestamptz') base = `timestamp(${args[0] ?? 6}) with time zone`;
        else if (native === 'Date') base = 'date';
        else base = `timestamp(${native === 'Timestamp' ? (args[0] ?? 6) : 3}) without time zone`;
        break;
      default:
        throw new Error(`unmapped Prisma type ${field.type}`);
    }
  return field.isList ? `${base}[]` : base;
}

function expectedDefault(field: Field): string | null {
  if (!field.hasDefaultValue) return null;
  const d = field.default as unknown;
  if (Array.isArray(d)) return d.length === 0 ? 'ARRAY[]' : `ARRAY[${d.map(String).join(',')}]`;
  if (d && typeof d === 'object') {
    const fn = d as { name: string; args: unknown[] };
    if (fn.name === 'now') return 'CURRENT_TIMESTAMP';
    if (fn.name === 'autoincrement') return 'autoincrement';
    if (fn.name === 'dbgenerated') return normaliseDbDefault(String(fn.args[0]));
    return null; // uuid(), cuid(): generated by the client, no database default
  }
  return String(d);
}

/** Turns a Postgres default expression into the same form expectedDefault produces. */
export function normaliseDbDefault(expr: string | null): string | null {
  if (expr === null) return null;
  if (/^nextval\(/.test(expr)) return 'autoincrement';
  let s = expr.replace(/::[a-z_ "]+(\(\d+(,\d+)?\))?(\[\])?/gi, '').trim();
  if (/^'.*'$/s.test(s)) s = s.slice(1, -1).replace(/''/g, "'");
  if (s === 'now()') return 'CURRENT_TIMESTAMP';
  return s;
}

function referentialAction(action: string): string {
  return (
    { Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT' }[
      action
    ] ?? action
  );
}

export async function actualShape(client: pg.Pool | pg.Client, schema = 'public'): Promise<SchemaShape> {
  const shape: SchemaShape = { enums: {}, tables: {}, indexes: {}, foreignKeys: {} };
  const enums = await client.query<{ name: string; value: string }>(
    `SELECT t.typname AS name, e.enumlabel AS value
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder`,
    [schema],
  );
  for (const row of enums.rows) (shape.enums[row.name] ??= []).push(row.value);

  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    notnull: boolean;
    def: string | null;
  }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname, a.attnum`,
    [schema],
  );
  for (const row of columns.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    const table = (shape.tables[row.table] ??= { columns: {} });
    table.columns[row.column] = {
      type: row.type.replace(/"/g, ''),
      nullable: !row.notnull,
      default: normaliseDbDefault(row.def),
    };
  }

  const indexes = await client.query<{
    name: string;
    table: string;
    columns: string[];
    unique: boolean;
    primary: boolean;
    method: string;
    descending: boolean[];
    opclasses: string[];
    opdefaults: boolean[];
  }>(
    // indoption bit 0 is DESC; indclass holds each key column's operator class.
    `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary, am.amname AS method,
            array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            array(SELECT (o.opt & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY o(opt, ord) ORDER BY o.ord) AS descending,
            array(SELECT oc.opcname FROM unnest(ix.indclass::oid[]) WITH ORDINALITY c(oid, ord)
                    JOIN pg_opclass oc ON oc.oid = c.oid ORDER BY c.ord)::text[] AS opclasses,
            array(SELECT oc.opcdefault FROM unnest(ix.indclass::oid[]) WITH ORDINALITY c(oid, ord)
                    JOIN pg_opclass oc ON oc.oid = c.oid ORDER BY c.ord) AS opdefaults
       FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = $1`,
    [schema],
  );
  for (const row of indexes.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    shape.indexes[row.name] = {
      table: row.table,
      columns: row.columns,
      unique: row.unique,
      primary: row.primary,
      method: row.method,
      order: row.descending.map((d) => (d ? 'desc' : 'asc')),
      opclasses: row.opclasses.map((name, i) => ({ name, isDefault: row.opdefaults[i] ?? false })),
    };
  }

  const fks = await client.query<{
    name: string;
    table: string;
    ref_table: string;
    columns: string[];
    ref_columns: string[];
    del: string;
    upd: string;
  }>(
    `SELECT con.conname AS name, t.relname AS table, rt.relname AS ref_table,
            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns,
            array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS ref_columns,
            con.confdeltype AS del, con.confupdtype AS upd
       FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class rt ON rt.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = $1`,
    [schema],
  );
  const action: Record<string, string> = {
    a: 'NO ACTION',
    r: 'RESTRICT',
    c: 'CASCADE',
    n: 'SET NULL',
    d: 'SET DEFAULT',
  };
  for (const row of fks.rows) {
    shape.foreignKeys[row.name] = {
      table: row.table,
      columns: row.columns,
      refTable: row.ref_table,
      refColumns: row.ref_columns,
      onDelete: action[row.del] ?? row.del,
      onUpdate: action[row.upd] ?? row.upd,
    };
  }
  return shape;
}

/** Every difference between the expected and the actual shape, one readable line each. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  const keys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

  for (const name of keys(expected.enums, actual.enums)) {
    const e = expected.enums[name];
    const a = actual.enums[name];
    if (!a) out.push(`enum ${name}: in schema.prisma, missing in the database`);
    else if (!e) out.push(`enum ${name}: in the database, not in schema.prisma`);
    else if (e.join(',') !== a.join(','))
      out.push(`enum ${name}: schema has (${e.join(', ')}), database has (${a.join(', ')})`);
  }
  for (const table of keys(expected.tables, actual.tables)) {
    const e = expected.tables[table];
    const a = actual.tables[table];
    if (!a) {
      out.push(`table ${table}: in schema.prisma, missing in the database`);
      continue;
    }
    if (!e) {
      out.push(`table ${table}: in the database, not in schema.prisma`);
      continue;
    }
    for (const column of keys(e.columns, a.columns)) {
      const ec = e.columns[column];
      const ac = a.columns[column];
      const where = `column ${table}.${column}`;
      if (!ac) out.push(`${where}: in schema.prisma, missing in the database`);
      else if (!ec) out.push(`${where}: in the database, not in schema.prisma`);
      else {
        if (ec.type !== ac.type) out.push(`${where}: schema type ${ec.type}, database type ${ac.type}`);
        if (ec.nullable !== ac.nullable)
          out.push(
            `${where}: schema says ${ec.nullable ? 'nullable' : 'NOT NULL'}, database says ${ac.nullable ? 'nullable' : 'NOT NULL'}`,
          );
        if (ec.default !== ac.default)
          out.push(`${where}: schema default ${ec.default ?? '(none)'}, database default ${ac.default ?? '(none)'}`);
      }
    }
  }
  for (const name of keys(expected.indexes, actual.indexes)) {
    const e = expected.indexes[name];
    const a = actual.indexes[name];
    if (!a) out.push(`index ${name}: in schema.prisma, missing in the database`);
    else if (!e) out.push(`index ${name}: in the database, not in schema.prisma`);
    else if (
      e.table !== a.table ||
      e.columns.join(',') !== a.columns.join(',') ||
      e.unique !== a.unique ||
      e.primary !== a.primary ||
      e.method !== a.method ||
      e.order.join(',') !== a.order.join(',') ||
      !sameOpclasses(e.opclasses, a.opclasses)
    )
      out.push(`index ${name}: schema ${describeIndex(e)}, database ${describeIndex(a)}`);
  }
  for (const name of keys(expected.foreignKeys, actual.foreignKeys)) {
    const e = expected.foreignKeys[name];
    const a = actual.foreignKeys[name];
    if (!a) out.push(`foreign key ${name}: in schema.prisma, missing in the database`);
    else if (!e) out.push(`foreign key ${name}: in the database, not in schema.prisma`);
    else if (describeFk(e) !== describeFk(a))
      out.push(`foreign key ${name}: schema ${describeFk(e)}, database ${describeFk(a)}`);
  }
  return out;
}

/** Same class by name (schema.prisma may name the default, ArrayOps on text[]), or both the default. */
function sameOpclasses(expected: IndexShape['opclasses'], actual: IndexShape['opclasses']): boolean {
  if (expected.length !== actual.length) return false;
  return expected.every((e, i) => {
    const a = actual[i]!;
    return (e.name !== null && e.name === a.name) || (e.isDefault && a.isDefault);
  });
}

function describeIndex(i: IndexShape & { table: string }): string {
  const keys = i.columns.map((column, n) => {
    const o = i.opclasses[n];
    const opclass = o && !o.isDefault && o.name ? ` ${o.name}` : '';
    return `${column}${opclass}${i.order[n] === 'desc' ? ' DESC' : ''}`;
  });
  return `${i.primary ? 'primary key' : i.unique ? 'unique' : 'index'} ${i.method} on ${i.table}(${keys.join(', ')})`;
}

function describeFk(f: ForeignKeyShape & { table: string }): string {
  return `${f.table}(${f.columns.join(', ')}) -> ${f.refTable}(${f.refColumns.join(', ')}) on delete ${f.onDelete} on update ${f.onUpdate}`;
}
