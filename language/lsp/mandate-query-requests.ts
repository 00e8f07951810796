import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { MandateSharedServices } from '../mandate-module.js';
import {
    holdersOf, queryContext, QueryNameError, timelineOf, whatIf, whoMayAppoint, whoMayPerform,
    type QueryAnswer, type QueryContext, type SourceLocation
} from '../query/index.js';
import { renderQueryText } from '../query/render-text.js';
import { compareStrings } from '../util/compare.js';
import { isValidIsoDate, type IsoDate } from '../util/dates.js';
import {
    QUERY_KINDS, QUERY_REQUEST, QUERY_SUBJECTS_REQUEST, type PolicyPlace, type QueryKind, type QueryParams, type QueryResult,
    type QuerySubject, type QuerySubjectsParams
} from './mandate-protocol.js';

/** A request the client gave up on: answered as LSP says, with RequestCancelled. */
export function cancelled(): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

const TITLES: Record<QueryKind, (subject: string, date: IsoDate) => string> = {
    holders: (subject, date) => `Who holds ${subject} on ${date}`,
    'may-perform': (subject, date) => `Who may perform ${subject} on ${date}`,
    'may-appoint': (subject, date) => `Who may appoint to ${subject} on ${date}`,
    'what-if-leaves': (subject, date) => `What if ${subject} leaves on ${date}`,
    'what-if-vacate': (subject, date) => `What if ${subject} is vacated on ${date}`,
    timeline: subject => `Timeline of ${subject}`
};

/** `no role named 'x'…` as a sentence: capitalized, with a full stop unless it asks a question. */
function sentence(text: string): string {
    const capitalized = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
    return /[.?!]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

/** One query of the engine (language/query/), on the server's current snapshot. */
async function answer(context: QueryContext, kind: QueryKind, subject: string, date: IsoDate): Promise<QueryAnswer> {
    switch (kind) {
        case 'holders': return holdersOf(context, subject, date);
        case 'may-perform': return whoMayPerform(context, subject, date);
        case 'may-appoint': return whoMayAppoint(context, subject, date);
        case 'what-if-leaves': return whatIf(context, { kind: 'leaves', person: subject }, date);
        case 'what-if-vacate': return whatIf(context, { kind: 'vacate', role: subject }, date);
        case 'timeline': return timelineOf(context, subject);
    }
}

function isSourceLocation(value: Record<string, unknown>): boolean {
    return typeof value.file === 'string' && typeof value.uri === 'string' && typeof value.line === 'number' && typeof value.column === 'number';
}

/** Every place an answer cites, once each, so the editor can link `file:line` in its text. */
export function placesOf(value: unknown, found = new Map<string, PolicyPlace>()): PolicyPlace[] {
    if (Array.isArray(value)) {
        value.forEach(item => placesOf(item, found));
    } else if (typeof value === 'object' && value !== null) {
        const record = value as Record<string, unknown>;
        if (isSourceLocation(record)) {
            const { file, line, column, uri } = record as unknown as SourceLocation;
            const key = `${file}:${line}`;
            if (!found.has(key)) found.set(key, { file, line, column, uri });
        } else {
            Object.values(record).forEach(item => placesOf(item, found));
        }
    }
    return [...found.values()];
}

/**
 * The editor's queries ("Mandate: Query", the "who may do this?" lens), answered by the query
 * engine on the language server's own workspace, after the current build, on the as-of date
 * (Settings) unless the request names a date. The text is the one `mandate query --explain` prints.
 */
export function registerQueryRequests(shared: MandateSharedServices, connection: Connection): void {
    const settings = shared.mandate.Settings;

    connection.onRequest(QUERY_REQUEST, (params: QueryParams, token: CancellationToken) => shared.workspace.WorkspaceLock.read(async (): Promise<QueryResult> => {
        if (token.isCancellationRequested) throw cancelled();
        if (!QUERY_KINDS.some(info => info.kind === params.kind)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `Unknown query '${params.kind}'; use ${QUERY_KINDS.map(info => info.kind).join(', ')}.`);
        }
        if (params.date !== undefined && !isValidIsoDate(params.date)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `'${params.date}' is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30.`);
        }
        const date = params.date ?? settings.asOf();
        try {
            const result = await answer(queryContext(shared), params.kind, params.subject, date);
            return { title: TITLES[params.kind](params.subject, date), text: renderQueryText(result, { explain: true }), places: placesOf(result) };
        } catch (error) {
            // A name the workspace does not declare is the user's to fix, said with the closest name.
            if (error instanceof QueryNameError) throw new ResponseError(ErrorCodes.InvalidParams, sentence(error.message));
            throw error;
        }
    }));

    connection.onRequest(QUERY_SUBJECTS_REQUEST, (params: QuerySubjectsParams) => shared.workspace.WorkspaceLock.read((): QuerySubject[] => {
        const context = queryContext(shared);
        const { model } = context;
        const declarations = { role: model.roles, person: model.persons, responsibility: model.responsibilities, authority: model.authorities };
        const seen = new Set<string>();
        return params.kinds.flatMap(kind => (declarations[kind] ?? [])
            .filter(node => node.name && !seen.has(`${kind}:${node.name}`) && seen.add(`${kind}:${node.name}`))
            .map(node => {
                const { name, title, source } = context.named(node);
                return { kind, name, title, place: { file: source.file, line: source.line, column: source.column, uri: source.uri } };
            })
            .sort((a, b) => compareStrings(a.name, b.name)));
    }));
}
