import { createHash } from 'node:crypto';

/** RFC 4122 appendix C: the name space for fully-qualified domain names. */
export const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
/** RFC 4122 appendix C: the name space for URLs (and other URIs). */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * Mandate's own name space for the UUIDs of its exports: uuidv5('urn:mandate:oscal', URL_NAMESPACE),
 * written out so it can never change by accident. Every UUID in an OSCAL export is a v5 UUID of a
 * name in this space, so exporting the same policy twice gives the same UUIDs.
 */
export const MANDATE_NAMESPACE = '154762a0-7eda-545d-9bc1-1ffa38f2c5f3';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based (version 5, SHA-1) UUID as RFC 4122 section 4.3 defines it: the namespace's 16
 * bytes followed by the name's UTF-8 bytes, hashed; the first 16 bytes of the hash, with the
 * version and variant bits set. Lower case, as RFC 4122 asks for output.
 */
export function uuidv5(name: string, namespace: string = MANDATE_NAMESPACE): string {
    if (!UUID_PATTERN.test(namespace)) throw new Error(`'${namespace}' is not a UUID`);
    const hash = createHash('sha1')
        .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
        .update(name, 'utf8')
        .digest();
    const bytes = hash.subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
