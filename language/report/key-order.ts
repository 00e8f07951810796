/**
 * The key order of every object in a JSON output (the report, the diff), as a value TypeScript
 * checks against the model: a key missing here, or one the model does not have, is a compile
 * error. So a change to a model cannot reach its JSON silently; the schema test then checks that
 * docs/report.schema.json lists the same keys in the same order.
 */
type OrderOf<V> = [V] extends [ReadonlyArray<infer E>] ? OrderOf<E> : [V] extends [object] ? KeyOrder<V> : true;
export type KeyOrder<T> = { readonly [K in keyof T]-?: OrderOf<Exclude<T[K], undefined>> };

export type Order = true | { readonly [key: string]: Order };

/** The entries of each order object, listed once: a report at 100,000 lines copies a million objects. */
const entriesOf = new WeakMap<object, ReadonlyArray<readonly [string, Order]>>();

function orderEntries(order: { readonly [key: string]: Order }): ReadonlyArray<readonly [string, Order]> {
    let entries = entriesOf.get(order);
    if (!entries) entriesOf.set(order, entries = Object.entries(order));
    return entries;
}

/** Copies `value` keeping only the keys `order` names, in its order; absent (undefined) values are left out. */
export function ordered(value: unknown, order: Order): unknown {
    if (Array.isArray(value)) return value.map(item => ordered(item, order));
    if (order === true || value === null || typeof value !== 'object') return value;
    const source = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const [key, inner] of orderEntries(order)) {
        const field = source[key];
        if (field !== undefined) result[key] = ordered(field, inner);
    }
    return result;
}
