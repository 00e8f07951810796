import type { AstNode, ValidationAcceptor, ValidationCheck } from 'langium';
import { asOfReadCount, volatileReadCount, workspaceReadCount } from './util/volatile-reads.js';

type Accepted = Parameters<ValidationAcceptor>;

/** A check to run again on the node at `index` (of `syntaxNodes(root)`): it read the disk. */
interface Rerun {
    readonly index: number;
    readonly check: ValidationCheck;
}

/** A check that read other documents: its findings hold while every syntax tree is the same, else it runs again. */
interface Linked extends Rerun {
    readonly findings: readonly Accepted[];
}

/**
 * A check that read the as-of date (Settings.asOfKey): its findings hold while the date is the
 * same, and, when it also read other documents (`linked`), every syntax tree; else it runs again.
 */
interface Dated extends Linked {
    readonly asOf: string;
    readonly linked: boolean;
}

type Step = Accepted | Rerun | Linked | Dated;

const NO_FINDINGS: readonly Accepted[] = Object.freeze([]);

/** What validating one tree did, in order: findings to report again, and checks to run again. */
export type CheckSteps = readonly Step[];

/** What a recording was made under: the same syntax trees (WorkspaceModelProvider.currentTrees), inputs, checks (registry version, categories) and layout. */
export interface ReplayKey {
    readonly trees: number;
    readonly inputs: number;
    readonly checks: string;
    /** The tree's layout version: an edit of its blanks and comments in place moves the ranges findings hold (layout-edit/). */
    readonly layout: number;
}

/**
 * The node checks' findings of each syntax tree, kept for the next validation of the same tree.
 * Node checks read their own document's syntax (see rules/rule.ts); what else a check read decides
 * what is replayed (util/volatile-reads.ts):
 * - a new as-of date re-validates every document while none changed: only the checks that read
 *   the date (or the disk) can say something else;
 * - an edit that changes names other files use re-validates the files that refer to them, whose
 *   own trees did not change: only the checks that read other documents (or the disk) can say
 *   something else; one that read the date says the same on the same date.
 * Those run again; every other check's findings are reported again, in the same order, so the
 * result equals a cold validation.
 */
export class CheckReplay {
    private readonly recordings = new WeakMap<AstNode, { readonly key: ReplayKey; readonly steps: CheckSteps }>();

    /**
     * The steps recorded for `root` under the same inputs and checks, and whether they were recorded
     * under the same trees as `key`; undefined when there are none or the inputs or checks differ.
     */
    find(root: AstNode, key: ReplayKey): { readonly steps: CheckSteps; readonly sameTrees: boolean } | undefined {
        const recording = this.recordings.get(root);
        if (!recording) return undefined;
        const { trees, inputs, checks, layout } = recording.key;
        return inputs === key.inputs && checks === key.checks && layout === key.layout ? { steps: recording.steps, sameTrees: trees === key.trees } : undefined;
    }

    /**
     * A recorder for one full validation of `root`; `save` it once the walk has completed. `asOf`
     * tells the as-of date a check read, right after it ran (Settings.asOfKey).
     */
    record(root: AstNode, key: ReplayKey, accept: ValidationAcceptor, asOf: () => string): CheckRecorder {
        return new CheckRecorder(steps => this.recordings.set(root, { key, steps }), accept, asOf);
    }
}

/** Wraps each check call of a validation: passes its findings on and notes what to replay. */
export class CheckRecorder {
    private readonly steps: Step[] = [];
    private pending: Accepted[] = [];
    /** The acceptor to give the checks: it reports as usual and keeps a copy. */
    readonly accept: ValidationAcceptor;

    constructor(private readonly store: (steps: CheckSteps) => void, private readonly target: ValidationAcceptor, private readonly asOf: () => string) {
        this.accept = (...finding: Accepted) => {
            this.pending.push(finding);
            target(...finding);
        };
    }

    /** Runs `check` on the node at `index`; a promise only when the check returned one. */
    run(check: ValidationCheck, node: AstNode, index: number, token: Parameters<ValidationCheck>[2]): Promise<void> | undefined {
        const volatile = volatileReadCount();
        const asOf = asOfReadCount();
        const workspace = workspaceReadCount();
        const result = check(node, this.accept, token);
        if (result) return Promise.resolve(result).then(() => this.settle(check, index, true, false, false));
        this.settle(check, index, volatileReadCount() !== volatile, asOfReadCount() !== asOf, workspaceReadCount() !== workspace);
        return undefined;
    }

    /** Reports the findings of a step of an earlier recording again, and keeps the step as it was. */
    replay(step: Accepted | Linked | Dated): void {
        if (Array.isArray(step)) this.target(...step);
        else for (const finding of step.findings) this.target(...finding);
        this.steps.push(step);
    }

    save(): void {
        this.store(this.steps);
    }

    /** The findings of the check that just ran; nearly always none, and then one shared empty list rather than one per node. */
    private pendingFindings(): readonly Accepted[] {
        return this.pending.length === 0 ? NO_FINDINGS : this.pending;
    }

    private settle(check: ValidationCheck, index: number, volatile: boolean, dated: boolean, linked: boolean): void {
        // An asynchronous check may have read anything meanwhile: it always runs again.
        if (volatile) this.steps.push({ index, check });
        // Checks are synchronous: the date now is the date it read.
        else if (dated) this.steps.push({ index, check, findings: this.pendingFindings(), asOf: this.asOf(), linked });
        else if (linked) this.steps.push({ index, check, findings: this.pendingFindings() });
        else for (const finding of this.pending) this.steps.push(finding);
        if (this.pending.length > 0) this.pending = [];
    }
}

/**
 * Reports a recording again, running the checks that must run again on their nodes. `sameTrees`:
 * recorded under the same syntax trees, so the findings of checks that read other documents hold.
 * `asOf`: the as-of date now (Settings.asOfKey). `recorder` records the result, for the next
 * validation of the tree.
 */
export async function replaySteps(
    steps: CheckSteps, sameTrees: boolean, asOf: string, nodes: readonly AstNode[], recorder: CheckRecorder, token: Parameters<ValidationCheck>[2],
    pause: () => Promise<void> | undefined
): Promise<void> {
    const holds = (step: Step): step is Accepted | Linked | Dated => Array.isArray(step)
        || ('asOf' in step ? step.asOf === asOf && (!step.linked || sameTrees) : 'findings' in step && sameTrees);
    for (const step of steps) {
        const wait = pause();
        if (wait) await wait;
        if (holds(step)) {
            recorder.replay(step);
        } else {
            const result = recorder.run(step.check, nodes[step.index], step.index, token);
            if (result) await result;
        }
    }
    recorder.save();
}
