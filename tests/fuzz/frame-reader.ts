/**
 * Splits what a language server writes into its JSON-RPC frames (`Content-Length` header, then the
 * body), for the raw test peer (raw-lsp.ts).
 *
 * The chunks of a frame are kept apart until all of it has come and joined once: joining what has
 * come so far again for every 64 KB chunk costs time quadratic in a frame's size, and a test client
 * busy with that stops reading, which stalls the server's writes and looks like a server that does
 * not answer (a 79 MB report took minutes to read that way).
 */
export class FrameReader {
    /** How many bytes were copied to join chunks, to show that each frame is joined about once. */
    copiedBytes = 0;
    private chunks: Buffer[] = [];
    private received = 0;
    /** The length of the frame being read, header included, once its header has come. */
    private frameLength: number | undefined;
    private bodyStart = 0;

    /** Takes the next chunk and returns the bodies of the frames it completes, in order. */
    push(chunk: Buffer): string[] {
        this.chunks.push(chunk);
        this.received += chunk.length;
        const bodies: string[] = [];
        for (;;) {
            if (this.frameLength === undefined) {
                const head = this.joined();
                const end = head.indexOf('\r\n\r\n');
                if (end < 0) return bodies;
                const length = Number(/Content-Length: *(\d+)/i.exec(head.subarray(0, end).toString('ascii'))?.[1]);
                if (!Number.isSafeInteger(length)) throw new Error(`A frame without a Content-Length: ${head.subarray(0, Math.min(end, 200)).toString('ascii')}`);
                this.bodyStart = end + 4;
                this.frameLength = end + 4 + length;
            }
            if (this.received < this.frameLength) return bodies;
            const frame = this.joined();
            bodies.push(frame.subarray(this.bodyStart, this.frameLength).toString('utf8'));
            const rest = frame.subarray(this.frameLength);
            this.chunks = rest.length > 0 ? [rest] : [];
            this.received = rest.length;
            this.frameLength = undefined;
        }
    }

    /** What has come so far, as one buffer. */
    private joined(): Buffer {
        if (this.chunks.length !== 1) {
            this.chunks = [Buffer.concat(this.chunks, this.received)];
            this.copiedBytes += this.received;
        }
        return this.chunks[0] ?? Buffer.alloc(0);
    }
}
