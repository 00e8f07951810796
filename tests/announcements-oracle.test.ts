/**
 * Auditor's question 3, how an appointment was made known, checked against the rule docs
 * (docs/rules/assignment-not-communicated.md, announcement-late.md) with an oracle that knows only
 * the definitions: a person's terms in a role with no day between them are one tenure; within it,
 * consecutive terms in the same capacity (acting, interim, or neither) are announced together, by
 * any announcement of any of them, and from the first term in neither capacity on, every later term
 * of the tenure is announced with it; the first of them is the one reported:
 * - `assignment-not-communicated` when the first has begun by the as-of date (or is undated) and none
 *   of them has an announcement, or when it has begun and every announcement is dated after it;
 * - `announcement-late`, on the first announcement made by the as-of date, when it came more than
 *   30 days after the first term's start.
 *
 * More cases, another seed: MANDATE_ANNOUNCE_CASES=2000 MANDATE_ANNOUNCE_SEED=7 npx vitest run tests/announcements-oracle.test.ts
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { daysAround, isoOf, nextCase, periodText, personLines, randomDays, randomPeople, type Days, type PersonSpec } from './oracle-policies.js';
import { Random } from './random-edits.js';

const CASES = Number(process.env.MANDATE_ANNOUNCE_CASES) || 100;
const SEED = Number(process.env.MANDATE_ANNOUNCE_SEED) || 1;
const MAX_DAYS = 30;
const RULES = new Set(['assignment-not-communicated', 'announcement-late']);

interface TermSpec {
    readonly person: string;
    readonly role: string;
    readonly capacity?: 'acting' | 'interim';
    readonly period: Days;
    /** Announcement days, each on a line of its own. */
    readonly announced: readonly number[];
}

function generate(random: () => number): { people: PersonSpec[]; terms: TermSpec[] } {
    const days = randomDays(random);
    const people = randomPeople(random, days);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const terms = Array.from({ length: Math.floor(random() * 7) }, (): TermSpec => {
        const period = days.period(0.05, 0.4);
        const base = period.since ?? days.day();
        return {
            // Few people and roles, so that terms of one person in one role meet, overlap and renew.
            person: pick(people.slice(0, 2)).name, role: pick(['r1', 'r2']), capacity: pick([undefined, undefined, 'acting', 'interim'] as const), period,
            announced: Array.from({ length: pick([0, 0, 1, 1, 2]) }, () => base + pick([-3, 0, 5, 30, 31, 45, 200]))
        };
    });
    return { people, terms };
}

/** The policy, and the line each term starts on and each of its announcements is on. */
function policyOf(spec: { people: PersonSpec[]; terms: TermSpec[] }): { text: string; termLines: number[]; announcementLines: number[][] } {
    const lines = ['organization acme "Acme" {', '    top management board', '}', 'role board "Board"', 'role r1 "Role r1"', 'role r2 "Role r2"'];
    for (const person of spec.people) lines.push(...personLines(person));
    const termLines: number[] = [];
    const announcementLines: number[][] = [];
    for (const term of spec.terms) {
        lines.push(`assign ${term.person} to ${term.role}${term.capacity ? ` as ${term.capacity}` : ''}${periodText(term.period)} appointed by board {`);
        termLines.push(lines.length);
        announcementLines.push(term.announced.map(day => lines.push(`    announced ${isoOf(day)} via email to all-staff`)));
        lines.push('}');
    }
    return { text: lines.join('\n') + '\n', termLines, announcementLines };
}

/** Each group of terms announced together, as indexes into `terms`, first term first. */
function announcedTogether(terms: readonly TermSpec[]): number[][] {
    const groups: number[][] = [];
    const keys = [...new Set(terms.map(term => `${term.person} ${term.role}`))];
    for (const key of keys) {
        // The person's terms in the role by start, an open start first, ties as written.
        const order = terms.map((term, index) => ({ term, index })).filter(({ term }) => `${term.person} ${term.role}` === key)
            .sort((a, b) => (a.term.period.since ?? -Infinity) - (b.term.period.since ?? -Infinity) || a.index - b.index);
        let tenureEnd: number | undefined = -Infinity;
        let group: number[] = [];
        for (const { term, index } of order) {
            const since = term.period.since;
            const continues = group.length > 0 && (tenureEnd === undefined || since === undefined || since <= tenureEnd + 1);
            // Once the tenure has a term in no stand-in capacity, the organization knows the person in the role: every later term of it is covered.
            const sameCapacity = continues && (terms[group[0]].capacity === undefined || terms[group[group.length - 1]].capacity === term.capacity);
            if (!sameCapacity) {
                if (group.length > 0) groups.push(group);
                group = [];
            }
            if (!continues) tenureEnd = term.period.until;
            else tenureEnd = tenureEnd === undefined || term.period.until === undefined ? undefined : Math.max(tenureEnd, term.period.until);
            group.push(index);
        }
        if (group.length > 0) groups.push(group);
    }
    return groups;
}

function expectedFindings(spec: { people: PersonSpec[]; terms: TermSpec[] }, asOf: number): string[] {
    const { termLines, announcementLines } = policyOf(spec);
    const findings: string[] = [];
    for (const group of announcedTogether(spec.terms)) {
        const first = spec.terms[group[0]];
        const announcements = group.flatMap(index => spec.terms[index].announced.map((day, at) => ({ day, line: announcementLines[index][at] })));
        // Earliest first; on a tie, the earlier term's, as the group lists them.
        const made = announcements.filter(announcement => announcement.day <= asOf).sort((a, b) => a.day - b.day);
        const begun = first.period.since !== undefined && first.period.since <= asOf;
        const notBegun = first.period.since !== undefined && first.period.since > asOf;
        if (!notBegun && (announcements.length === 0 || (made.length === 0 && begun))) findings.push(`assignment-not-communicated:${termLines[group[0]]}`);
        if (first.period.since !== undefined && made.length > 0 && made[0].day - first.period.since > MAX_DAYS) findings.push(`announcement-late:${made[0].line}`);
    }
    return findings.sort();
}

describe('how appointments were made known, against the rule docs', () => {
    it(`${CASES} random policies (seed ${SEED}): assignment-not-communicated and announcement-late fire exactly where the definition says`, async () => {
        const seeded = new Random(SEED);
        const random = () => seeded.next();
        for (let index = 0; index < CASES; index++) {
            await nextCase();
            const spec = generate(random);
            const { text } = policyOf(spec);
            const days = daysAround(spec.terms.flatMap(term => [term.period, ...term.announced.map(day => ({ since: day }))]));
            for (const asOf of [...days.filter(() => random() < 0.15), 2500]) {
                const { findings } = await checkSources([{ uri: 'file:///ws/policy.mandate', text }], { asOf: isoOf(asOf) });
                const actual = findings.filter(finding => RULES.has(finding.rule)).map(finding => `${finding.rule}:${finding.line}`).sort();
                expect(actual, `case ${index} on ${isoOf(asOf)}:\n${text}`).toEqual(expectedFindings(spec, asOf));
            }
        }
    }, 300_000);
});
