/**
 * Orders strings by code point, the same on every machine. `localeCompare` depends on the
 * locale and ICU version, which would make reports and finding lists differ between machines.
 */
export function compareStrings(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
