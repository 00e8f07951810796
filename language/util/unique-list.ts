/** Past this many values a list looks values up in a set rather than scanning itself. */
const SCANNED_VALUES = 8;

/**
 * A list that keeps each value once, in the order first added. Short lists, which most are (the
 * roles one person holds, the roles accountable for a duty), are scanned; a long one gets a set
 * beside it, so that a value shared by thousands (a duty every role carries) stays linear.
 */
export class UniqueList<T> {
    readonly items: T[] = [];
    private seen: Set<T> | undefined;

    /** Adds `value` unless the list has it already. */
    add(value: T): void {
        if (this.seen ? this.seen.has(value) : this.items.includes(value)) return;
        this.items.push(value);
        if (this.seen) this.seen.add(value);
        else if (this.items.length > SCANNED_VALUES) this.seen = new Set(this.items);
    }
}
