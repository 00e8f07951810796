import { AstUtils, URI, type AstNode } from 'langium';
import type { MandateSharedServices } from '../mandate-module.js';
import type { MandateSettings } from '../mandate-settings.js';
import { ReportSources } from '../report/report-sources.js';
import type { Organization } from '../generated/ast.js';
import type { NamedDeclaration, WorkspaceModel } from '../workspace/workspace-model.js';
import type { NamedItem, NamedKind, SourceLocation } from './index.js';

/** What every query reads: one workspace snapshot, its settings, and how to name places in it. */
export interface QueryContext {
    readonly shared: MandateSharedServices;
    readonly model: WorkspaceModel;
    readonly settings: MandateSettings;
    /** Where a node is declared (its start), workspace-relative. */
    at(node: AstNode): SourceLocation;
    named(node: QueryDeclaration): NamedItem;
    /** A place given by document URI and 1-based line and column (a finding's), workspace-relative. */
    place(uri: string, line: number, column: number): SourceLocation;
}

/**
 * What following chains of roles and delegations needs: the model, and where a node is declared,
 * for the explanation's steps. The report states who holds a duty through the same chains
 * (report-delegations.ts), without a query's services.
 */
export type ChainContext = Pick<QueryContext, 'model' | 'at'>;

/** What a query can name: every named declaration but the organization. */
export type QueryDeclaration = Exclude<NamedDeclaration, Organization>;

const KINDS: Record<QueryDeclaration['$type'], NamedKind> = {
    Role: 'role', Person: 'person', Responsibility: 'responsibility', Authority: 'authority',
    AppointingBody: 'appointing-body', Training: 'training'
};

export function isQueryDeclaration(node: NamedDeclaration): node is QueryDeclaration {
    return node.$type !== 'Organization';
}

export function kindOf(node: QueryDeclaration): NamedKind {
    return KINDS[node.$type];
}

/** A context on the services' current snapshot; build a new one after the workspace changes. */
export function queryContext(shared: MandateSharedServices): QueryContext {
    const settings = shared.mandate.Settings;
    // The report's workspace-relative naming of files, so a query and a report cite the same places.
    const sources = new ReportSources(settings, shared.mandate.RuleContext.files);
    // Answers cite the same declarations over and over (every lead's authority in each "who may appoint"): each place is worked out once.
    const places = new WeakMap<AstNode, SourceLocation>();
    const at = (node: AstNode): SourceLocation => {
        let place = places.get(node);
        if (!place) {
            const uri = AstUtils.getDocument(node).uri;
            const start = node.$cstNode?.range.start;
            place = { file: sources.file(uri), line: (start?.line ?? 0) + 1, column: (start?.character ?? 0) + 1, uri: uri.toString() };
            places.set(node, place);
        }
        return place;
    };
    return {
        shared, settings, model: shared.mandate.WorkspaceModel.get(), at,
        place: (uri, line, column) => ({ file: sources.file(URI.parse(uri)), line, column, uri }),
        named: node => ({ kind: kindOf(node), name: node.name, title: node.title ?? node.name, source: at(node) })
    };
}
