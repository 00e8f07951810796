/**
 * Reads the entries of a .vsix (a plain zip file) with Node alone: names, stored and compressed
 * sizes, and contents. Enough for packaging.test.ts; no zip64, no encryption (vsce writes neither).
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
    readonly name: string;
    readonly size: number;
    readonly compressedSize: number;
    content(): Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function zipEntries(zip: Buffer): ZipEntry[] {
    let end = zip.length - 22;
    while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
    if (end < 0) throw new Error('not a zip file: no end of central directory');
    const count = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    const entries: ZipEntry[] = [];
    for (let index = 0; index < count; index++) {
        if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`bad central directory entry at ${offset}`);
        const method = zip.readUInt16LE(offset + 10);
        const compressedSize = zip.readUInt32LE(offset + 20);
        const size = zip.readUInt32LE(offset + 24);
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        const local = zip.readUInt32LE(offset + 42);
        const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
        entries.push({
            name, size, compressedSize,
            content: () => {
                if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`bad local header for ${name}`);
                const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
                const data = zip.subarray(start, start + compressedSize);
                if (method === 0) return Buffer.from(data);
                if (method === 8) return inflateRawSync(data);
                throw new Error(`${name}: compression method ${method} is not supported`);
            }
        });
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
