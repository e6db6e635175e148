// Next.js bundles the proxy, the pages and the custom HTTP server apart, so one module can be
// loaded more than once in a process; a value that must exist once per process (the database,
// the hash pool, the logger, a random header name) lives on globalThis, under one name, here.

/** A place for one value, shared by every copy of every module in this process. */
export type Slot<T> = { value: T | undefined };

const slots = globalThis as unknown as { ssprProcessWide?: Map<string, Slot<unknown>> };

/** The process's slot called `name`; empty until someone fills it. For values that can be
 *  replaced or closed (the database, the outbox loop). */
export function processSlot<T>(name: string): Slot<T> {
  const all = (slots.ssprProcessWide ??= new Map<string, Slot<unknown>>());
  let slot = all.get(name);
  if (!slot) {
    slot = { value: undefined };
    all.set(name, slot);
  }
  return slot as Slot<T>;
}

/** The process's one value called `name`, made by `make` the first time anyone asks. */
export function processWide<T>(name: string, make: () => T): T {
  const slot = processSlot<T>(name);
  slot.value ??= make();
  return slot.value;
}
