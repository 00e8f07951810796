import type { AstNode, ValidationAcceptor, ValidationCheck } from 'langium';
import { spliceOf } from './statement-edit/splice-tree.js';
import { syntaxNodes } from './util/syntax-nodes.js';
import { asOfReadCount, volatileReadCount, workspaceReadCount } from './util/volatile-reads.js';

type Accepted = Parameters<ValidationAcceptor>;

/** A check to run again on its node (the step's entry in `indexes`): it read the disk. */
interface Rerun {
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

/** How many validations of a spliced tree replayed the kept statements' checks (CheckReplay.findSpliced), for the tests. */
export const splicedChecks = { replayed: 0 };

/** What validating one tree did, in order: findings to report again, and checks to run again. */
export type CheckSteps = readonly Step[];

/** The steps of one validation, and the index of the node each is about (in `syntaxNodes(root)`: ascending). */
export interface Recording {
    readonly steps: CheckSteps;
    readonly indexes: readonly number[];
}

/**
 * The recording of the tree a spliced tree was made from (statement-edit/), and where its nodes went:
 * those before `first` kept their index, the replaced statement's (`first` to `oldEnd`) are gone, and
 * those after it moved by `shift`; the new statement's `count` nodes start at `first`.
 */
export interface SplicedRecording extends Recording {
    readonly first: number;
    readonly count: number;
    readonly oldEnd: number;
    readonly shift: number;
}

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
    private readonly recordings = new WeakMap<AstNode, Recording & { readonly key: ReplayKey }>();

    /**
     * The steps recorded for `root` under the same inputs and checks, and whether they were recorded
     * under the same trees as `key`; undefined when there are none or the inputs or checks differ.
     */
    find(root: AstNode, key: ReplayKey): Recording & { readonly sameTrees: boolean } | undefined {
        const recording = this.recordings.get(root);
        if (!recording) return undefined;
        const { trees, inputs, checks, layout } = recording.key;
        return inputs === key.inputs && checks === key.checks && layout === key.layout ? { ...recording, sameTrees: trees === key.trees } : undefined;
    }

    /**
     * For a tree spliced from another (statement-edit/): the recording of that tree under the same
     * inputs and checks, and where its nodes went. The kept statements are the same nodes with the
     * same lines and columns (a splice changes no line break), so what their checks found holds as a
     * validation of another tree would find it (`sameTrees` false). A node check reads its own statement
     * (rules/rule.ts), except those of policy tests, which compare a test with the file's others: a
     * file with tests is validated whole.
     */
    findSpliced(root: AstNode, key: ReplayKey): SplicedRecording | undefined {
        const splice = spliceOf(root);
        const before = splice?.before.deref();
        const recording = before && this.recordings.get(before);
        // The splice moved the kept nodes to a new layout version (followLayoutVersion): the one after the recording's.
        if (!splice || !recording || recording.key.inputs !== key.inputs || recording.key.checks !== key.checks || recording.key.layout + 1 !== key.layout) return undefined;
        if (((root as { tests?: unknown[] }).tests?.length ?? 0) > 0) return undefined;
        const oldCount = syntaxNodes(before).length - (syntaxNodes(root).length - splice.count);
        splicedChecks.replayed++;
        return { ...recording, first: splice.first, count: splice.count, oldEnd: splice.first + oldCount, shift: splice.count - oldCount };
    }

    /**
     * A recorder for one full validation of `root`; `save` it once the walk has completed. `asOf`
     * tells the as-of date a check read, right after it ran (Settings.asOfKey).
     */
    record(root: AstNode, key: ReplayKey, accept: ValidationAcceptor, asOf: () => string): CheckRecorder {
        return new CheckRecorder(recording => this.recordings.set(root, { key, ...recording }), accept, asOf);
    }
}

/** Steps `from` to `to` (exclusive) of a recording, kept as they are, their nodes moved by `shift`. */
interface KeptPart {
    readonly recording: Recording;
    readonly from: number;
    readonly to: number;
    readonly shift: number;
}

/** Wraps each check call of a validation: passes its findings on and notes what to replay. */
export class CheckRecorder {
    private steps: Step[] = [];
    private indexes: number[] = [];
    /**
     * The recording so far, in order: runs of steps kept from an earlier recording, and the lists
     * of steps made since (`steps`, `indexes`). A step that holds is kept by reference to its run,
     * and the runs are copied once, at their length, by `save`: pushing them one by one (50,000
     * steps in a file of 10,000 people) cost a few milliseconds and a grown list on every keystroke.
     */
    private readonly parts: KeptPart[] = [];
    private pending: Accepted[] = [];
    /** The acceptor to give the checks: it reports as usual and keeps a copy. */
    readonly accept: ValidationAcceptor;

    constructor(private readonly store: (recording: Recording) => void, private readonly target: ValidationAcceptor, private readonly asOf: () => string) {
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

    /** Reports the findings of a step of an earlier recording again; `keep` keeps it. */
    report(step: Accepted | Linked | Dated): void {
        if (Array.isArray(step)) return this.target(...step);
        // Indexed: nearly every step has no findings, and a `for…of` made an iterator for each of the tens of thousands.
        const findings = step.findings;
        for (let index = 0; index < findings.length; index++) this.target(...findings[index]);
    }

    /** Keeps steps `from` to `to` of `recording` (reported again) as they are, their nodes moved by `shift`. */
    keep(recording: Recording, from: number, to: number, shift: number): void {
        if (from >= to) return;
        this.closeMade();
        this.parts.push({ recording, from, to, shift });
    }

    save(): void {
        this.closeMade();
        const parts = this.parts;
        const whole = parts.length === 1 && parts[0].shift === 0 && parts[0].from === 0 && parts[0].to === parts[0].recording.steps.length;
        if (whole) return this.store({ steps: parts[0].recording.steps, indexes: parts[0].recording.indexes });
        let length = 0;
        for (const part of parts) length += part.to - part.from;
        const steps = new Array<Step>(length);
        const indexes = new Array<number>(length);
        let at = 0;
        for (const { recording, from, to, shift } of parts) {
            for (let index = from; index < to; index++, at++) {
                steps[at] = recording.steps[index];
                indexes[at] = recording.indexes[index] + shift;
            }
        }
        this.store({ steps, indexes });
    }

    /** Ends the run of steps made since the last kept part. */
    private closeMade(): void {
        if (this.steps.length === 0) return;
        this.parts.push({ recording: { steps: this.steps, indexes: this.indexes }, from: 0, to: this.steps.length, shift: 0 });
        this.steps = [];
        this.indexes = [];
    }

    private push(step: Step, index: number): void {
        this.steps.push(step);
        this.indexes.push(index);
    }

    /** The findings of the check that just ran; nearly always none, and then one shared empty list rather than one per node. */
    private pendingFindings(): readonly Accepted[] {
        return this.pending.length === 0 ? NO_FINDINGS : this.pending;
    }

    private settle(check: ValidationCheck, index: number, volatile: boolean, dated: boolean, linked: boolean): void {
        // An asynchronous check may have read anything meanwhile: it always runs again.
        if (volatile) this.push({ check }, index);
        // Checks are synchronous: the date now is the date it read.
        else if (dated) this.push({ check, findings: this.pendingFindings(), asOf: this.asOf(), linked }, index);
        else if (linked) this.push({ check, findings: this.pendingFindings() }, index);
        else for (const finding of this.pending) this.push(finding, index);
        if (this.pending.length > 0) this.pending = [];
    }
}

/** What replaying needs besides the steps: see replaySteps. */
export interface ReplayContext {
    readonly sameTrees: boolean;
    readonly asOf: string;
    readonly nodes: readonly AstNode[];
    readonly recorder: CheckRecorder;
    readonly token: Parameters<ValidationCheck>[2];
    readonly pause: () => Promise<void> | undefined;
}

/**
 * Reports a recording again, running the checks that must run again on their nodes. `sameTrees`:
 * recorded under the same syntax trees, so the findings of checks that read other documents hold.
 * `asOf`: the as-of date now (Settings.asOfKey). `recorder` records the result, for the next
 * validation of the tree.
 */
export async function replaySteps(recording: Recording, context: ReplayContext): Promise<void> {
    await replayPart(recording, 0, recording.steps.length, 0, context);
    context.recorder.save();
}

/**
 * Reports again the steps about the nodes from `from` (inclusive) to `to` (exclusive) of a
 * recording, those nodes now at their index plus `shift` (spliced trees: see SplicedRecording).
 */
export async function replayNodes(recording: Recording, from: number, to: number, shift: number, context: ReplayContext): Promise<void> {
    await replayPart(recording, firstStepAt(recording.indexes, from), firstStepAt(recording.indexes, to), shift, context);
}

async function replayPart(recording: Recording, start: number, end: number, shift: number, context: ReplayContext): Promise<void> {
    const { sameTrees, asOf, nodes, recorder, token, pause } = context;
    const holds = (step: Step): step is Accepted | Linked | Dated => Array.isArray(step)
        || ('asOf' in step ? step.asOf === asOf && (!step.linked || sameTrees) : 'findings' in step && sameTrees);
    const { steps, indexes } = recording;
    // The steps that hold are kept as a run of the recording; a check that runs again ends the run.
    let kept = start;
    for (let at = start; at < end; at++) {
        const wait = pause();
        if (wait) await wait;
        const step = steps[at];
        if (holds(step)) {
            recorder.report(step);
            continue;
        }
        recorder.keep(recording, kept, at, shift);
        kept = at + 1;
        const index = indexes[at] + shift;
        const result = recorder.run(step.check, nodes[index], index, token);
        if (result) await result;
    }
    recorder.keep(recording, kept, end, shift);
}

/** The first step about the node at `index` or after: steps are in node order. */
function firstStepAt(indexes: readonly number[], index: number): number {
    let low = 0;
    let high = indexes.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (indexes[middle] < index) low = middle + 1;
        else high = middle;
    }
    return low;
}
