/**
 * The raw test peer's frame reader (tests/fuzz/frame-reader.ts). It once joined everything read so
 * far again for every chunk: a 79 MB report then took minutes to read, the server's writes stalled
 * behind the busy test client, and the LSP fuzz reported requests the server had answered as
 * unanswered.
 */
import { describe, expect, it } from 'vitest';
import { FrameReader } from './fuzz/frame-reader.js';

const frame = (body: string) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`, 'ascii'), Buffer.from(body, 'utf8')]);

/** `bytes` in chunks of `size`, as a pipe delivers them. */
function chunks(bytes: Buffer, size: number): Buffer[] {
    const parts: Buffer[] = [];
    for (let start = 0; start < bytes.length; start += size) parts.push(bytes.subarray(start, start + size));
    return parts;
}

describe('the raw peer reads frames', () => {
    it('joins the chunks of a large frame once, not once per chunk', () => {
        const body = JSON.stringify({ jsonrpc: '2.0', id: 'big', result: { content: 'x'.repeat(8_000_000) } });
        const reader = new FrameReader();
        const bodies = chunks(frame(body), 65_536).flatMap(chunk => reader.push(chunk));
        expect(bodies).toEqual([body]);
        // Joining again per chunk copies about 8 MB × 123 chunks / 2 ≈ 490 MB.
        expect(reader.copiedBytes).toBeLessThanOrEqual(2 * frame(body).length);
    });

    it('reads several frames in one chunk, a header split across chunks and a character split across chunks', () => {
        const bodies = ['{"a":1}', '{"text":"Zoë — 見"}', '{"b":[]}'];
        const bytes = Buffer.concat(bodies.map(frame));
        for (const size of [1, 2, 3, 7, bytes.length]) {
            const reader = new FrameReader();
            expect(chunks(bytes, size).flatMap(chunk => reader.push(chunk)), `chunks of ${size} bytes`).toEqual(bodies);
        }
    });

    it('waits for the rest of a frame and keeps what follows it', () => {
        const reader = new FrameReader();
        const bytes = Buffer.concat([frame('{"first":true}'), frame('{"second":true}')]);
        expect(reader.push(bytes.subarray(0, 30))).toEqual([]);
        expect(reader.push(bytes.subarray(30, 50))).toEqual(['{"first":true}']);
        expect(reader.push(bytes.subarray(50))).toEqual(['{"second":true}']);
    });

    it('says so when a header has no Content-Length', () => {
        expect(() => new FrameReader().push(Buffer.from('Content-Type: x\r\n\r\n{}'))).toThrow(/without a Content-Length/);
    });
});
