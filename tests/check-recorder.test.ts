/**
 * The recording a validation leaves (language/mandate-check-replay.ts) is what the next one replays.
 * A replay keeps the steps that hold as runs of the recording before and runs the others again; the
 * recording it saves must be the one a validation of every node would have made, step for step and
 * node for node, however the runs, the checks run again and the moved nodes interleave.
 */
import type { AstNode, ValidationAcceptor, ValidationCheck } from 'langium';
import { Cancellation } from 'langium';
import { describe, expect, it } from 'vitest';
import { CheckReplay, replayNodes, replaySteps, type ReplayKey } from '../language/mandate-check-replay.js';
import { noteAsOfRead, noteVolatileRead, noteWorkspaceRead } from '../language/util/volatile-reads.js';

type Finding = Parameters<ValidationAcceptor>;

/** A node of a made-up tree: its number, and what its check reads. */
interface FakeNode extends AstNode {
    readonly id: number;
    readonly reads: 'nothing' | 'disk' | 'date' | 'workspace';
    readonly finds: boolean;
}

/** How often the check ran on each node, by id. */
const runs = new Map<number, number>();

/** The one check: it reads what its node says, and reports a finding on the nodes that have one. */
const check: ValidationCheck = (node, accept) => {
    const fake = node as FakeNode;
    runs.set(fake.id, (runs.get(fake.id) ?? 0) + 1);
    if (fake.reads === 'disk') noteVolatileRead();
    if (fake.reads === 'date') noteAsOfRead();
    if (fake.reads === 'workspace') noteWorkspaceRead();
    if (fake.finds) accept('warning', `node ${fake.id}`, { node });
};

function nodes(count: number, from = 0): FakeNode[] {
    const reads: Array<FakeNode['reads']> = ['nothing', 'disk', 'date', 'workspace', 'date', 'nothing', 'date'];
    return Array.from({ length: count }, (_, index) => {
        const id = from + index;
        return { $type: 'Fake', id, reads: reads[id % reads.length], finds: id % 3 === 0 } as unknown as FakeNode;
    });
}

const KEY: ReplayKey = { trees: 1, inputs: 1, checks: 'all', layout: 0 };

/** Validates every node of `tree` from scratch; the findings reported, in order. */
function validate(replay: CheckReplay, root: AstNode, tree: readonly FakeNode[], key: ReplayKey): string[] {
    const reported: string[] = [];
    const recorder = replay.record(root, key, (_severity, message) => reported.push(message), () => '2025-06-30');
    for (let index = 0; index < tree.length; index++) recorder.run(check, tree[index], index, Cancellation.CancellationToken.None);
    recorder.save();
    return reported;
}

/** What a recording says, comparable: each step's kind and findings, and its node. */
function described(replay: CheckReplay, root: AstNode, key: ReplayKey): string[] {
    const recording = replay.find(root, key);
    expect(recording).toBeDefined();
    return recording!.steps.map((step, at) => {
        const kind = Array.isArray(step) ? `finding ${String((step as Finding)[1])}` : 'asOf' in step ? `dated ${step.findings.length}` : 'findings' in step ? `linked ${step.findings.length}` : 'rerun';
        return `${recording!.indexes[at]} ${kind}`;
    });
}

describe('the recording a replay saves', () => {
    it('is a cold validation\'s after a statement is replaced by more nodes, by fewer, and after the same tree is validated again', async () => {
        for (const [removed, added] of [[3, 5], [5, 2], [4, 4], [0, 3]]) {
            const replay = new CheckReplay();
            const before = nodes(40);
            const beforeRoot = {} as AstNode;
            validate(replay, beforeRoot, before, KEY);
            // Nodes 12 to 12 + removed replaced by `added` new ones; those after move by added - removed.
            const first = 12;
            const after = [...before.slice(0, first), ...nodes(added, 100), ...before.slice(first + removed)];
            const afterRoot = {} as AstNode;
            const recording = { ...replay.find(beforeRoot, KEY)!, first, count: added, oldEnd: first + removed, shift: added - removed };
            const reported: string[] = [];
            const recorder = replay.record(afterRoot, KEY, (_severity, message) => reported.push(message), () => '2025-06-30');
            runs.clear();
            const context = { sameTrees: false, asOf: '2025-06-30', nodes: after, recorder, token: Cancellation.CancellationToken.None, pause: () => undefined };
            await replayNodes(recording, 0, first, 0, context);
            for (let index = first; index < first + added; index++) recorder.run(check, after[index], index, Cancellation.CancellationToken.None);
            await replayNodes(recording, recording.oldEnd, Number.MAX_SAFE_INTEGER, recording.shift, context);
            recorder.save();
            // Only what may say something else ran again: the disk and the workspace (other trees), and the new nodes.
            const ranAgain = [...runs.keys()].filter(id => id < 100).sort((a, b) => a - b);
            expect(ranAgain).toEqual(after.filter(node => node.id < 100 && (node.reads === 'disk' || node.reads === 'workspace')).map(node => node.id));

            const cold = new CheckReplay();
            const coldRoot = {} as AstNode;
            const coldReported = validate(cold, coldRoot, after, KEY);
            expect(reported, `${removed} → ${added}`).toEqual(coldReported);
            expect(described(replay, afterRoot, KEY), `${removed} → ${added}`).toEqual(described(cold, coldRoot, KEY));

            // The same tree again on another date: the dated checks run again, and the recording is still a cold one's.
            const again = replay.find(afterRoot, { ...KEY, trees: 2 })!;
            const next = replay.record(afterRoot, { ...KEY, trees: 2 }, () => undefined, () => '2025-07-01');
            await replaySteps(again, { sameTrees: again.sameTrees, asOf: '2025-07-01', nodes: after, recorder: next, token: Cancellation.CancellationToken.None, pause: () => undefined });
            expect(described(replay, afterRoot, { ...KEY, trees: 2 })).toEqual(described(cold, coldRoot, KEY));
        }
    });

    it('is the recording before, unchanged, when every step holds', async () => {
        const replay = new CheckReplay();
        const tree = nodes(30).map(node => ({ ...node, reads: node.reads === 'disk' || node.reads === 'workspace' ? 'nothing' : node.reads }) as FakeNode);
        const root = {} as AstNode;
        validate(replay, root, tree, KEY);
        const recorded = replay.find(root, KEY)!;
        const recorder = replay.record(root, KEY, () => undefined, () => '2025-06-30');
        await replaySteps(recorded, { sameTrees: true, asOf: '2025-06-30', nodes: tree, recorder, token: Cancellation.CancellationToken.None, pause: () => undefined });
        const replayed = replay.find(root, KEY)!;
        expect(replayed.steps).toBe(recorded.steps);
        expect(replayed.indexes).toBe(recorded.indexes);
    });
});
