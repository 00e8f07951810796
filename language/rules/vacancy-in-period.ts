import { IssueCodes } from '../mandate-issue-codes.js';
import { addCadence, daysBetween } from '../util/dates.js';
import { formatCount } from '../util/format-count.js';
import { vacanciesBetween } from '../workspace/vacancies.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * The CISO role or a key role stood empty between two holders at some time in the `periodDays` before
 * the as-of date. An audit covers a period, not a day: ciso-vacant and role-vacant see only the as-of
 * date, so a three-month gap closed before it (or a one-day gap left by a typo in a date) is seen here.
 */
export const vacancyInPeriod: WorkspaceRule = {
    id: IssueCodes.VacancyInPeriod,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'continuity',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'NIST-CSF:GV.RR-02'],
    summary: 'The CISO role or a key role had no holder, between two holders, at some time in the `periodDays` days before the as-of date.',
    fixable: false,
    options: {
        periodDays: {
            type: 'integer', default: 365, minimum: 1,
            description: 'How many days before the as-of date count as the audit period.'
        }
    },
    findings(model, context) {
        const asOf = context.settings.asOf();
        const days = context.settings.option(vacancyInPeriod, 'periodDays');
        const from = addCadence(asOf, -days, 'day');
        const findings: WorkspaceFinding[] = [];
        for (const role of model.roles) {
            if (!role.ciso && !role.key) continue;
            const gaps = vacanciesBetween(model, role, from, asOf);
            if (gaps.length === 0) continue;
            const what = role.ciso ? `the CISO role '${role.name}'` : `the key role '${role.name}'`;
            const runs = gaps.map(gap => gap.since === gap.until
                ? `on ${gap.since} (1 day)`
                : `from ${gap.since} to ${gap.until} (${formatCount(daysBetween(gap.since, gap.until) + 1)} days)`);
            findings.push({
                node: role,
                property: 'name',
                message: `Nobody held ${what} ${runs.join(', and ')}, between two holders, in the ${formatCount(days)} days before ${asOf}. `
                    + 'If a successor or a deputy took over at once, correct the dates (a new appointment starts the day after the last one ends); '
                    + 'if someone held it as acting or interim, record that assignment; if it stood empty (its duties delegated, say), '
                    + 'accept the gap with `// mandate-ignore vacancy-in-period: <why>` so the report shows it with its justification.'
            });
        }
        return findings;
    }
};
