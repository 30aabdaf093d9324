/**
 * The one place that deals with wx-server-sdk's typings: DYNAMIC_CURRENT_ENV is declared a symbol while init()
 * wants a string, and get()/count() are declared to return unions with void (their callback forms).
 * Functions use this typed facade instead of casting at every call.
 */
import type * as WxServerSdk from 'wx-server-sdk';
import type { CollectionName } from '../../src/shared/collections';

export type Cloud = typeof WxServerSdk;
type RawDb = ReturnType<Cloud['database']>;
type RawQuery = ReturnType<ReturnType<RawDb['collection']>['where']>;
/** A query condition: a plain object or a logic command (`_.or([...])`, `_.and([...])`), as where() takes. */
export type Where = Record<string, unknown> | ReturnType<RawDb['command']['or']>;

export interface FindOptions {
  where?: Where;
  orderBy?: ReadonlyArray<readonly [field: string, order: 'asc' | 'desc']>;
  skip?: number;
  limit?: number;
  fields?: Record<string, boolean>;
}

export interface Db {
  /** The raw database, for updates, transactions and aggregates. */
  raw: RawDb;
  command: RawDb['command'];
  serverDate(): ReturnType<RawDb['serverDate']>;
  find<T>(collection: CollectionName, options?: FindOptions): Promise<T[]>;
  findOne<T>(collection: CollectionName, where: Where): Promise<T | null>;
  /** A document by id, or null when it does not exist. */
  byId<T>(collection: CollectionName, id: string): Promise<T | null>;
  count(collection: CollectionName, where?: Where): Promise<number>;
  /** One page (1-based) of the documents matching `where`, and how many match in all: two requests at once. */
  findPage<T>(collection: CollectionName, options: PageOptions): Promise<{ docs: T[]; total: number }>;
}

export interface PageOptions extends Omit<FindOptions, 'skip' | 'limit'> {
  page: number;
  pageSize: number;
}

/** cloud.init for the environment the function is deployed in (production) or the emulator (local). */
export function initCloud(cloud: Cloud): void {
  // the SDK declares the marker a symbol; init() takes it where it declares a string
  const env: unknown = cloud.DYNAMIC_CURRENT_ENV;
  cloud.init({ env: env as string });
}

/**
 * The promise form of an SDK call. wx-server-sdk declares its calls as `Promise | void | string` (their callback
 * forms); called without callbacks they answer a promise. Every SDK call in the functions goes through this one.
 */
export async function settle<T>(pending: Promise<T> | void | string): Promise<T> {
  if (pending === undefined || typeof pending === 'string') throw new Error('wx-server-sdk returned no promise');
  return pending;
}

export function openDb(cloud: Cloud): Db {
  const raw = cloud.database();
  const find = async <T>(collection: CollectionName, options: FindOptions = {}): Promise<T[]> => {
    let query: RawQuery = raw.collection(collection).where(options.where ?? {});
    for (const [field, order] of options.orderBy ?? []) query = query.orderBy(field, order);
    if (options.skip) query = query.skip(options.skip);
    if (options.limit) query = query.limit(options.limit);
    if (options.fields) query = query.field(options.fields);
    const result = await settle(query.get());
    return result.data as T[];
  };
  const count = async (collection: CollectionName, where: Where = {}): Promise<number> => {
    const result = await settle(raw.collection(collection).where(where).count());
    return result.total;
  };
  return {
    raw,
    command: raw.command,
    serverDate: () => raw.serverDate(),
    find,
    async findOne<T>(collection: CollectionName, where: Where) {
      const [first] = await find<T>(collection, { where, limit: 1 });
      return first ?? null;
    },
    async byId<T>(collection: CollectionName, id: string) {
      // doc(id).get() throws for a missing document; a where query answers with an empty list instead.
      const [first] = await find<T>(collection, { where: { _id: id }, limit: 1 });
      return first ?? null;
    },
    count,
    async findPage<T>(collection: CollectionName, { page, pageSize, ...options }: PageOptions) {
      const [docs, total] = await Promise.all([
        find<T>(collection, { ...options, skip: (page - 1) * pageSize, limit: pageSize }),
        count(collection, options.where),
      ]);
      return { docs, total };
    },
  };
}

/** Dates come back from the SDK as Date values; contracts carry ISO strings. */
export function toIso(value: Date | string): string {
  return new Date(value).toISOString();
}

/** Rows per request when reading every matching document. */
export const FIND_PAGE = 1000;

/** Every document matching `where`, read FIND_PAGE at a time, stopping once `max` are in (a bound known per use). */
export async function findEvery<T>(db: Db, collection: CollectionName, options: Omit<FindOptions, 'skip' | 'limit'>, max = Number.POSITIVE_INFINITY): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; skip < max; skip += FIND_PAGE) {
    const page = await db.find<T>(collection, { ...options, skip, limit: FIND_PAGE });
    all.push(...page);
    if (page.length < FIND_PAGE) break;
  }
  return all;
}
