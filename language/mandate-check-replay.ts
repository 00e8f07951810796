import type { AstNode, ValidationAcceptor, ValidationCheck } from 'langium';
import { volatileReadCount } from './util/volatile-reads.js';

type Accepted = Parameters<ValidationAcceptor>;

/** A check to run again on the node at `index` (of `syntaxNodes(root)`): it read the date or the disk. */
interface Rerun {
    readonly index: number;
    readonly check: ValidationCheck;
}

/** What validating one tree did, in order: findings to report again, and checks to run again. */
export type CheckSteps = ReadonlyArray<Accepted | Rerun>;

/** What a recording was made under: the same syntax trees (WorkspaceModelProvider.currentTrees), inputs, and checks (registry version, categories). */
export interface ReplayKey {
    readonly trees: number;
    readonly inputs: number;
    readonly checks: string;
}

/**
 * The node checks' findings of each syntax tree, kept for the next validation of the same tree
 * while no document changed: a new as-of date re-validates every document, but only the checks
 * that read the date (or the disk) can say something else. Those run again; every other check's
 * findings are reported again, in the same order, so the result equals a cold validation.
 */
export class CheckReplay {
    private readonly recordings = new WeakMap<AstNode, { readonly key: ReplayKey; readonly steps: CheckSteps }>();

    /** The steps recorded for `root` under `key`; undefined when there are none or the key differs. */
    find(root: AstNode, key: ReplayKey): CheckSteps | undefined {
        const recording = this.recordings.get(root);
        if (!recording) return undefined;
        const { trees, inputs, checks } = recording.key;
        return trees === key.trees && inputs === key.inputs && checks === key.checks ? recording.steps : undefined;
    }

    /** A recorder for one full validation of `root`; `save` it once the walk has completed. */
    record(root: AstNode, key: ReplayKey, accept: ValidationAcceptor): CheckRecorder {
        return new CheckRecorder(steps => this.recordings.set(root, { key, steps }), accept);
    }
}

/** Wraps each check call of a validation: passes its findings on and notes what to replay. */
export class CheckRecorder {
    private readonly steps: Array<Accepted | Rerun> = [];
    private pending: Accepted[] = [];
    /** The acceptor to give the checks: it reports as usual and keeps a copy. */
    readonly accept: ValidationAcceptor;

    constructor(private readonly store: (steps: CheckSteps) => void, accept: ValidationAcceptor) {
        this.accept = (...finding: Accepted) => {
            this.pending.push(finding);
            accept(...finding);
        };
    }

    /** Runs `check` on the node at `index`; a promise only when the check returned one. */
    run(check: ValidationCheck, node: AstNode, index: number, token: Parameters<ValidationCheck>[2]): Promise<void> | undefined {
        const reads = volatileReadCount();
        const result = check(node, this.accept, token);
        if (result) return Promise.resolve(result).then(() => this.settle(check, index, true));
        this.settle(check, index, volatileReadCount() !== reads);
        return undefined;
    }

    save(): void {
        this.store(this.steps);
    }

    private settle(check: ValidationCheck, index: number, rerun: boolean): void {
        // An asynchronous check may have read anything meanwhile: it always runs again.
        if (rerun) this.steps.push({ index, check });
        else for (const finding of this.pending) this.steps.push(finding);
        this.pending = [];
    }
}

/** Reports a recording again, running the checks that must run again on their nodes. */
export async function replaySteps(
    steps: CheckSteps, nodes: readonly AstNode[], accept: ValidationAcceptor, token: Parameters<ValidationCheck>[2], pause: () => Promise<void> | undefined
): Promise<void> {
    for (const step of steps) {
        const wait = pause();
        if (wait) await wait;
        if (Array.isArray(step)) {
            accept(...step);
        } else {
            const { index, check } = step as Rerun;
            const result = check(nodes[index], accept, token);
            if (result) await result;
        }
    }
}
