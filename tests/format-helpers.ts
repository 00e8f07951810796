import { isReference } from 'langium';

/** A parsed model as plain data: no CST, no positions, no containers; a reference is the name it uses. */
export function plainModel(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plainModel);
    if (isReference(value)) return { $refText: value.$refText };
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !key.startsWith('$') || key === '$type')
        .map(([key, child]) => [key, plainModel(child)]));
}
