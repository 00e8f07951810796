import { Cancellation, interruptAndCheck, OperationCancelled } from 'langium';

/** Nodes between two turns of the event loop in a walk over a document's tree. */
const NODES_PER_TURN = 500;

/**
 * Cancellation for a walk over every node of a document. Langium awaits `interruptAndCheck` at each
 * node; an await costs even when nothing is to be done, and a file of 10,000 people has 10,000
 * nodes per walk. Here each node checks the token (throwing OperationCancelled as Langium would),
 * and every NODES_PER_TURN nodes the walk awaits, so the event loop still gets its turns.
 *
 *     const pause = points.next(); if (pause) await pause;
 */
export class CancellationPoints {
    private visited = 0;

    constructor(private readonly token: Cancellation.CancellationToken = Cancellation.CancellationToken.None) {}

    /** A promise to await at every NODES_PER_TURN-th node; otherwise undefined, after throwing if cancelled. */
    next(): Promise<void> | undefined {
        if (++this.visited % NODES_PER_TURN === 0) return interruptAndCheck(this.token);
        if (this.token.isCancellationRequested) throw OperationCancelled;
        return undefined;
    }
}
