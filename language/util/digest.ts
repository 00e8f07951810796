import { createHash } from 'node:crypto';

/** A digest of an earlier digest and a change: never equal to the earlier one, which is all it is compared with. */
export function digestOf(earlier: string, change: string): string {
    const digest = new Digest();
    digest.update(earlier);
    digest.update(change);
    return digest.digest();
}

/** A SHA-256 of a sequence of strings, fed in batches: one native call per string costs more than the hashing. */
export class Digest {
    private readonly hash = createHash('sha256');
    private parts: string[] = [];

    update(text: string): void {
        this.parts.push(text);
        if (this.parts.length >= 4096) this.flush();
    }

    digest(): string {
        this.flush();
        return this.hash.digest('hex');
    }

    private flush(): void {
        // A separator no policy text holds keeps `ab`,`c` apart from `a`,`bc`.
        this.hash.update(this.parts.join('\u0000') + '\u0000');
        this.parts = [];
    }
}
