/**
 * A tiny promise wrapper over IndexedDB: one database, two object stores
 * (`drafts` and `outbox`), get/put/delete/all. No library: the widget needs
 * four calls, not a query engine. Where IndexedDB is missing or refused
 * (some private modes), the same calls work on maps that live as long as the
 * page: answers and the queue then survive network failures, not a reload.
 */

/** The database's name and version; the stores are created on first open. */
export const DB_NAME = 'rsp-satisfaction';
const DB_VERSION = 1;

export type StoreName = 'drafts' | 'outbox';

const requestDone = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('IndexedDB request failed'));
    };
  });

let opening: Promise<IDBDatabase> | undefined;

/** Opens (once per page) the widget's database. Rejects where IndexedDB is missing or refused (private modes). */
export function openStore(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('drafts')) db.createObjectStore('drafts');
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox');
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading (a newer widget): let it, and reopen next time.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('IndexedDB could not be opened'));
    };
    request.onblocked = () => {
      reject(new Error('IndexedDB is blocked by another tab'));
    };
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** The page-lifetime stand-in when IndexedDB cannot be opened; `undefined` while it can. */
let memory: Record<StoreName, Map<string, unknown>> | undefined;

/** Whether answers are kept in IndexedDB (`true`) or only in the page's memory. */
export async function isPersistent(): Promise<boolean> {
  await database();
  return memory === undefined;
}

async function database(): Promise<IDBDatabase | undefined> {
  if (memory) return undefined;
  try {
    return await openStore();
  } catch {
    memory = { drafts: new Map(), outbox: new Map() };
    return undefined;
  }
}

async function run<T>(store: StoreName, mode: IDBTransactionMode, action: (s: IDBObjectStore) => IDBRequest<T>, fallback: (m: Map<string, unknown>) => T): Promise<T> {
  const db = await database();
  if (memory) return fallback(memory[store]);
  if (!db) throw new Error('IndexedDB is not available');
  const transaction = db.transaction(store, mode);
  const result = requestDone(action(transaction.objectStore(store)));
  // A write counts once its transaction is committed, not when the request succeeds.
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => {
      resolve();
    };
    transaction.onabort = transaction.onerror = () => {
      reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    };
  });
  return result;
}

/** Structured clone, as IndexedDB stores values: the caller's object is never shared with the store. */
const copy = <T>(value: T): T => structuredClone(value);

export const idbGet = <T>(store: StoreName, key: string): Promise<T | undefined> =>
  run(store, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>, (m) => copy(m.get(key) as T | undefined));
export const idbPut = async (store: StoreName, key: string, value: unknown): Promise<void> => {
  await run(store, 'readwrite', (s) => s.put(value, key), (m): IDBValidKey => {
    m.set(key, copy(value));
    return key;
  });
};
export const idbDelete = async (store: StoreName, key: string): Promise<void> => {
  await run(store, 'readwrite', (s) => s.delete(key), (m): undefined => {
    m.delete(key);
  });
};
export const idbAll = <T>(store: StoreName): Promise<T[]> =>
  run(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>, (m) => [...m.values()].map((v) => copy(v as T)));
