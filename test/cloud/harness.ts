/** Builds the functions, starts a fresh emulator and a runtime; `call` invokes like the mini-program does. */
import { join } from 'node:path';
import { buildFunctions, REPO_ROOT } from '../../scripts/build-functions';
import { createRuntime, type Runtime } from '../../local/runtime';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator';
import { connectSdk, type Database } from '../helpers/sdk';
import type { ActionName, FunctionName, ResponseOf } from '../../src/shared/contracts';
import type { Result } from '../../src/shared/result';

export const FIXTURE_FUNCTIONS_OUT = join(REPO_ROOT, 'dist', 'test-fixtures', 'functions');

export interface CloudHarness {
  emulator: TestEmulator;
  runtime: Runtime;
  fixtures: Runtime;
  db: Database;
  /** A product function's action, answered with its contract's type (the payload is left loose on purpose). */
  call<F extends FunctionName, A extends ActionName<F>>(
    name: F,
    action: A,
    payload: unknown,
    openid: string,
  ): Promise<Result<ResponseOf<F, A>>>;
  stop(): Promise<void>;
}

export async function startCloud(): Promise<CloudHarness> {
  await Promise.all([
    buildFunctions(),
    buildFunctions({ srcDir: join(REPO_ROOT, 'test', 'fixtures', 'functions'), outDir: FIXTURE_FUNCTIONS_OUT }),
  ]);
  const emulator = await startTestEmulator();
  const runtime = createRuntime({ adminUrl: emulator.adminUrl });
  const fixtures = createRuntime({ adminUrl: emulator.adminUrl, functionsDir: FIXTURE_FUNCTIONS_OUT });
  const { db } = connectSdk(emulator.adminUrl);
  return {
    emulator,
    runtime,
    fixtures,
    db,
    call: async (name, action, payload, openid) =>
      (await runtime.invoke(name, { action, payload }, { openid })) as Result<never>,
    stop: () => emulator.stop(),
  };
}

/** Inserts documents (with their _id) into a collection. */
export async function insert(db: Database, collection: string, docs: object[]): Promise<void> {
  if (docs.length) await db.collection(collection).add({ data: docs });
}

/** Every document of a collection matching `where`, page by page in _id order (a stable order to page by). */
export async function allDocs<T>(db: Database, collection: string, where: Record<string, unknown> = {}): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await db.collection(collection).where(where).orderBy('_id', 'asc').skip(skip).limit(1000).get();
    out.push(...(data as T[]));
    if (data.length < 1000) return out;
  }
}

/** The data of a successful answer; fails the test with the error otherwise. */
export function dataOf<T>(answer: Result<T>): T {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`);
  return answer.data;
}
