import type { AppointersExpectation, HoldersExpectation, PerformersExpectation } from '../generated/ast.js';
import { holdersOf, whoMayAppoint, whoMayPerform, type Explanation, type QueryNote } from '../query/index.js';
import type { IsoDate } from '../util/dates.js';
import type { ExpectationResult } from './index.js';
import type { RunContext } from './run-context.js';

export type SetExpectation = HoldersExpectation | PerformersExpectation | AppointersExpectation;

/** One member of an answer: a name and why it is there. */
interface Member {
    readonly name: string;
    readonly why: readonly Explanation[];
}

interface Answer {
    /** `the holders of ciso`, `who may perform approve-access`. */
    readonly subject: string;
    readonly members: readonly Member[];
    readonly notes: readonly QueryNote[];
}

function expectedNames(node: SetExpectation): string[] {
    const references = node.$type === 'AppointersExpectation' ? node.grantees : node.people;
    return references.map(reference => reference.ref?.name ?? reference.$refText);
}

/** The query engine's answer, as names with their explanations. */
function ask(context: RunContext, node: SetExpectation, date: IsoDate): Answer {
    const queries = context.queries;
    switch (node.$type) {
        case 'HoldersExpectation': {
            const role = node.role.ref?.name ?? node.role.$refText;
            const answer = holdersOf(queries, role, date);
            return { subject: `the holders of ${role}`, members: answer.holders.map(holder => ({ name: holder.person.name, why: [holder.explanation] })), notes: answer.notes };
        }
        case 'PerformersExpectation': {
            const duty = node.duty.ref?.name ?? node.duty.$refText;
            const answer = whoMayPerform(queries, duty, date);
            return { subject: `who may perform ${duty}`, members: answer.parties.map(party => ({ name: party.party.name, why: party.explanations })), notes: answer.notes };
        }
        case 'AppointersExpectation': {
            const role = node.role.ref?.name ?? node.role.$refText;
            const answer = whoMayAppoint(queries, role, date);
            return { subject: `who may appoint to ${role}`, members: answer.parties.map(party => ({ name: party.party.name, why: party.explanations })), notes: answer.notes };
        }
    }
}

const list = (names: readonly string[]): string => names.length === 0 ? 'nobody' : names.join(', ');

function why(context: RunContext, member: Member): string[] {
    const [first] = member.why;
    if (!first) return [`${member.name}: no explanation given`];
    return [`${member.name}: ${first.steps.map(step => `${step.text} (${context.where(step.source)})`).join(' ← ')}`];
}

/** Holders of a role, who may perform a duty, who may appoint to a role: exact set, includes or excludes. */
export function evaluateSet(context: RunContext, node: SetExpectation, date: IsoDate): Omit<ExpectationResult, 'location'> {
    const kind = node.$type === 'HoldersExpectation' ? 'holders' : node.$type === 'PerformersExpectation' ? 'may-perform' : 'may-appoint';
    const answer = ask(context, node, date);
    const expected = node.nobody ? [] : [...new Set(expectedNames(node))];
    const present = new Set(answer.members.map(member => member.name));
    const actual = [...present].sort();
    const wanted = new Set(expected);
    const missing = expected.filter(name => !present.has(name));
    const extra = actual.filter(name => !wanted.has(name));
    const unwanted = expected.filter(name => present.has(name));
    const passed = node.match === 'are' ? missing.length === 0 && extra.length === 0
        : node.match === 'include' ? missing.length === 0
            : unwanted.length === 0;
    const words = node.match === 'are' ? `exactly ${list(expected)}` : node.match === 'include' ? `including ${list(expected)}` : `none of ${list(expected)}`;
    const explanation: string[] = [];
    if (!passed) {
        if (node.match !== 'exclude' && missing.length > 0) explanation.push(`missing: ${missing.join(', ')}`);
        if (node.match === 'are' && extra.length > 0) explanation.push(`not expected: ${extra.join(', ')}`);
        if (node.match === 'exclude') explanation.push(`expected not to be there: ${unwanted.join(', ')}`);
    }
    // Why each member is there, those that matter first: a failure explains the names it is about.
    // Sets: "who may appoint" can name every team lead, and each member is looked up.
    const relevant = new Set(passed ? actual : node.match === 'exclude' ? unwanted : node.match === 'are' ? extra : []);
    for (const member of answer.members) if (relevant.has(member.name)) explanation.push(...why(context, member));
    for (const note of answer.notes) explanation.push(note.source ? `note: ${note.text} (${context.where(note.source)})` : `note: ${note.text}`);
    return {
        kind, date, passed,
        expected: `${answer.subject} on ${date}: ${words}`,
        actual: `${answer.subject} on ${date}: ${list(actual)}`,
        explanation
    };
}
