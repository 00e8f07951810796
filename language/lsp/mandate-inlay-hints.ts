import {
    AstUtils, Cancellation, GrammarUtils, interruptAndCheck, type AstNode, type CstNode, type LangiumDocument, type LangiumSharedCoreServices
} from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Position, Range } from 'vscode-languageserver';
import { isPerson, isRole, isTraining, isTrainingCompletion, type Model, type Person, type Training, type TrainingCompletion } from '../generated/ast.js';
import type { MandateAddedSharedServices, MandateSharedServices } from '../mandate-module.js';
import type { IsoDate } from '../util/dates.js';
import { itemsOverlapping, topLevelItems } from '../util/top-level-items.js';
import { trainingStatus, type TrainingObligation } from '../workspace/training-status.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { lspConnection } from './lsp-connection.js';

/** What one request's hints are computed against. */
interface HintContext {
    readonly model: WorkspaceModel;
    readonly asOf: IsoDate;
    readonly names: boolean;
}

function before(a: Position, b: Position): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function within(position: Position, range: Range | undefined): boolean {
    return !range || (!before(position, range.start) && !before(range.end, position));
}

/** Each programme's obligations on `asOf` by person, from the one training status engine; once per snapshot. */
function obligationsByTraining(model: WorkspaceModel, asOf: IsoDate): ReadonlyMap<Training, ReadonlyMap<Person, TrainingObligation>> {
    return model.cached(`inlay-obligations@${asOf}`, () => new Map(trainingStatus(model, asOf).map(status =>
        [status.training, new Map(status.obligations.map(obligation => [obligation.person, obligation]))])));
}

/** `due 2026-03-01` or `overdue since 2025-02-10`, for one obligation; nothing without a due date. */
function dueText(obligation: TrainingObligation): string | undefined {
    if (!obligation.dueBy) return undefined;
    return obligation.state === 'overdue' ? `overdue since ${obligation.dueBy}` : `due ${obligation.dueBy}`;
}

/** A programme's standing: the earliest overdue date (and how many), else the next due date; and who never completed it. */
function trainingText(obligations: Iterable<TrainingObligation>): string | undefined {
    const list = [...obligations];
    const overdue = list.filter(obligation => obligation.state === 'overdue' && obligation.dueBy).map(obligation => obligation.dueBy!).sort();
    const upcoming = list.filter(obligation => obligation.state !== 'overdue' && obligation.dueBy).map(obligation => obligation.dueBy!).sort();
    const missing = list.filter(obligation => obligation.state === 'missing').length;
    const parts: string[] = [];
    if (overdue.length > 0) parts.push(`overdue since ${overdue[0]}${overdue.length > 1 ? ` (${overdue.length} people)` : ''}`);
    else if (upcoming.length > 0) parts.push(`due ${upcoming[0]}`);
    if (missing > 0) parts.push(`${missing} never completed`);
    return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * Inlay hints, only within the requested range: the title or full name after a reference to a
 * role or a person (setting `mandate.inlayHints.names`), and after a training programme or a
 * completion when it falls due again or since when it is overdue, on the as-of date, from the
 * training status engine (workspace/training-status.ts).
 */
export class MandateInlayHintProvider extends AbstractInlayHintProvider {
    constructor(private readonly shared: MandateSharedServices) {
        super();
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken = Cancellation.CancellationToken.None): Promise<InlayHint[] | undefined> {
        const context = this.context();
        const hints: InlayHint[] = [];
        const accept: InlayHintAcceptor = hint => { if (within(hint.position, params.range)) hints.push(hint); };
        // The declarations the range overlaps, found by binary search, and what inside them is in range.
        const text = document.textDocument;
        const items = itemsOverlapping(topLevelItems(document.parseResult.value as Model), text.offsetAt(params.range.start), text.offsetAt(params.range.end));
        for (const item of items) {
            for (const node of AstUtils.streamAst(item, { range: params.range })) {
                await interruptAndCheck(cancelToken);
                this.hintsFor(node, context, accept);
            }
        }
        return hints;
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        this.hintsFor(node, this.context(), acceptor);
    }

    private context(): HintContext {
        const settings = this.shared.mandate.Settings;
        return { model: this.shared.mandate.WorkspaceModel.get(), asOf: settings.asOf(), names: settings.inlayHintNames };
    }

    private hintsFor(node: AstNode, context: HintContext, accept: InlayHintAcceptor): void {
        if (context.names) {
            for (const { reference } of AstUtils.streamReferences(node)) {
                // The grammar has no multi-references; a single reference has `ref`.
                const target = 'ref' in reference ? reference.ref : undefined;
                const at = reference.$refNode?.range.end;
                if (!at || !(isRole(target) || isPerson(target)) || !target.title) continue;
                accept({ position: at, label: target.title, paddingLeft: true, tooltip: `${isRole(target) ? 'Role' : 'Person'} '${target.name}'` });
            }
        }
        if (isTrainingCompletion(node)) this.completionHint(node, context, accept);
        else if (isTraining(node) && node.name) {
            const text = trainingText(obligationsByTraining(context.model, context.asOf).get(node)?.values() ?? []);
            const at = this.endOf(GrammarUtils.findNodeForProperty(node.$cstNode, 'title') ?? GrammarUtils.findNodeForProperty(node.$cstNode, 'name'));
            if (text && at) accept({ position: at, label: text, paddingLeft: true, tooltip: `On ${context.asOf}` });
        }
    }

    /** Only the person's latest completion on the as-of date says when the programme is due again. */
    private completionHint(completion: TrainingCompletion, context: HintContext, accept: InlayHintAcceptor): void {
        const training = completion.training?.ref;
        const person = completion.person?.ref;
        if (!training || !person) return;
        const obligation = obligationsByTraining(context.model, context.asOf).get(training)?.get(person);
        const text = obligation?.lastCompletion === completion ? dueText(obligation) : undefined;
        const at = this.endOf(GrammarUtils.findNodeForProperty(completion.$cstNode, 'date'));
        if (text && at) accept({ position: at, label: text, paddingLeft: true, tooltip: `On ${context.asOf}` });
    }

    private endOf(node: CstNode | undefined): Position | undefined {
        return node?.range.end;
    }
}

/**
 * Applies `mandate.inlayHints` ({ names: boolean }) from the editor's settings. Hints are pulled
 * by the editor, so when the value changes the server asks it to pull them again.
 */
export function applyInlayHintSettings(shared: LangiumSharedCoreServices & MandateAddedSharedServices, inlayHints: unknown): void {
    const names = typeof inlayHints === 'object' && inlayHints !== null && (inlayHints as { names?: unknown }).names === false ? false : true;
    const settings = shared.mandate.Settings;
    if (settings.inlayHintNames === names) return;
    settings.inlayHintNames = names;
    // A client without refresh support answers with an error: it asks again on its own schedule.
    lspConnection(shared)?.languages.inlayHint.refresh().catch(() => undefined);
}
