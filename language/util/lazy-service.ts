/**
 * Services that are expensive to build (the parser and the lexer: chevrotain analyses the whole
 * grammar, about 150 ms) but cheap to hand around. Langium's language server loads every service
 * before it answers `initialize`, and several constructors store the lexer or a parser in a field;
 * a stand-in lets them do so while the real object is built on its first real use.
 */

const BUILD = Symbol('lazy-service.build');
const BUILT = Symbol('lazy-service.built');

/**
 * A stand-in for the object `build` returns, built the first time a property is read or written.
 * Methods run on the real object. Before the object exists, reading a symbol-keyed property answers
 * `undefined` without building it: Langium probes every service that way (`eagerLoad`), and none of
 * these objects is looked up by a symbol.
 */
export function lazyService<T extends object>(build: () => T): T {
    let instance: T | undefined;
    const real = (): T => (instance ??= build());
    const bound = new WeakMap<(...args: never[]) => unknown, unknown>();
    return new Proxy({} as T, {
        get(_, property) {
            if (property === BUILD) return real();
            if (property === BUILT) return instance !== undefined;
            if (typeof property === 'symbol' && instance === undefined) return undefined;
            const target = real();
            const value: unknown = Reflect.get(target, property, target);
            if (typeof value !== 'function') return value;
            const method = value as (...args: never[]) => unknown;
            if (!bound.has(method)) bound.set(method, method.bind(target));
            return bound.get(method);
        },
        set: (_, property, value) => Reflect.set(real(), property, value),
        has: (_, property) => Reflect.has(real(), property),
        ownKeys: () => Reflect.ownKeys(real()),
        getOwnPropertyDescriptor(_, property) {
            const descriptor = Reflect.getOwnPropertyDescriptor(real(), property);
            // The proxy's own target is an empty object, so every property must be reported configurable.
            return descriptor && { ...descriptor, configurable: true };
        }
        // No getPrototypeOf trap: Langium's injector asks every service `instanceof Error`, which must
        // not build it. So `instanceof` sees a plain object; nothing tests these services that way.
    });
}

/** Builds the object behind a `lazyService` stand-in now (e.g. while the server is idle); returns it. */
export function buildNow<T extends object>(service: T): T {
    return ((service as Record<symbol, unknown>)[BUILD] as T | undefined) ?? service;
}

/** Whether the object behind a `lazyService` stand-in exists yet (any other object: true). */
export function isBuilt(service: object): boolean {
    return (service as Record<symbol, unknown>)[BUILT] !== false;
}
