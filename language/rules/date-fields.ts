import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { MandateAstType } from '../generated/ast.js';

interface DateFields {
    /** Every date-valued property of the node type. */
    readonly all: readonly string[];
    /** Dates that record something that has happened; after the as-of date they are suspicious. */
    readonly events: readonly string[];
    /** Start and end of each period, in that order. */
    readonly ranges?: ReadonlyArray<readonly [start: string, end: string]>;
}

/** Where the grammar puts dates. One table, so the three date rules never disagree. */
export const DATE_FIELDS: Readonly<Record<string, DateFields>> = {
    Person: {
        all: ['employedSince', 'employedUntil', 'engagedSince', 'engagedUntil'], events: ['employedSince', 'engagedSince'],
        ranges: [['employedSince', 'employedUntil'], ['engagedSince', 'engagedUntil']]
    },
    // A successor is appointed ahead of the day they take over: the report lists such appointments as upcoming.
    Assignment: { all: ['since', 'until'], events: [], ranges: [['since', 'until']] },
    // A delegation may legitimately be planned ahead, so its start is not an event.
    Delegation: { all: ['since', 'until'], events: [], ranges: [['since', 'until']] },
    // A new version of a job description may be written before it takes effect.
    JobDescription: { all: ['effective'], events: [] },
    Announcement: { all: ['date'], events: ['date'] },
    Acknowledgement: { all: ['date'], events: ['date'] },
    TrainingCompletion: { all: ['date'], events: ['date'] },
    // Policy tests pin a date on purpose, past or future: none of theirs is an event.
    PolicyTest: { all: ['date'], events: [] },
    WhatIf: { all: ['date'], events: [] },
    HoldersExpectation: { all: ['date'], events: [] },
    PerformersExpectation: { all: ['date'], events: [] },
    AppointersExpectation: { all: ['date'], events: [] }
};

export type DateCheck = (node: AstNode, fields: DateFields, accept: ValidationAcceptor) => void;

/** One validation check per node type that has dates. */
export function dateChecks(check: DateCheck): ValidationChecks<MandateAstType> {
    const checks: Record<string, (node: AstNode, accept: ValidationAcceptor) => void> = {};
    for (const [type, fields] of Object.entries(DATE_FIELDS)) {
        checks[type] = (node, accept) => check(node, fields, accept);
    }
    return checks as ValidationChecks<MandateAstType>;
}

export function dateValue(node: AstNode, property: string): string | undefined {
    const value = (node as unknown as Record<string, unknown>)[property];
    return typeof value === 'string' ? value : undefined;
}
