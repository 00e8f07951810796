/** A small policy for the query engine's tests: renewal, leaver, interim external, chained and expired delegations. */
import { checkSources } from '../language/engine/check-sources.js';
import { queryContext, type QueryContext } from '../language/query/index.js';
import { AS_OF, type Files } from './helpers.js';

export const QUERY_POLICY: Files = {
    'organization.mandate': `
organization acme "Acme Ltd" {
    top management board
}
appointing body shareholders "General meeting of shareholders"
role board "Board of Directors"
`,
    'roles.mandate': `
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to board
    responsible for isms-reporting, isms-conformance, risk-assessment, monitoring
    accountable for isms-reporting, isms-conformance
    authorized to appoint-security
}
role deputy "Deputy CISO" {
    reports to ciso
}
role analyst "Security Analyst" {
    reports to ciso
    responsible for log-review
}
responsibility isms-reporting "Report ISMS performance" {
    satisfies ISO27001:5.3(b)
}
responsibility isms-conformance "Make the ISMS conform" {
    satisfies ISO27001:5.3(a)
}
responsibility risk-assessment "Assess risks"
responsibility monitoring "Monitor threats"
responsibility log-review "Review logs"
authority appoint-security "Appoint security staff" {
    may appoint analyst, deputy
}
`,
    'people.mandate': `
person jane "Jane Doe" {
    employed since 2020-01-01
}
person leo "Leo Leaver" {
    employed since 2019-01-01 until 2025-03-31
}
person ivan "Ivan Interim" {
    external "Interim Partners"
    engaged since 2025-04-01 until 2025-12-31
}
person ann "Ann Analyst" {
    employed since 2021-01-01
}
person bob "Bob Builder" {
    employed since 2021-01-01
}
assign jane to ciso since 2022-01-01 until 2023-12-31 appointed by board {
    announced 2022-01-03 via email to all-staff
}
assign jane to ciso since 2024-01-01 appointed by board
assign leo to deputy since 2020-01-01 appointed by board
assign ivan to deputy as interim since 2025-04-01 until 2025-12-31 appointed by jane
assign ann to analyst since 2023-01-01 appointed by jane
`,
    'delegations.mandate': `
delegate risk-assessment from ciso to deputy since 2025-01-01
delegate risk-assessment from deputy to ann since 2025-02-01
delegate risk-assessment from ciso to bob since 2024-01-01 until 2024-12-31
delegate monitoring from ciso to deputy since 2025-01-01 until 2025-03-31
delegate monitoring from deputy to bob since 2025-01-15
delegate appoint-security from ciso to bob since 2025-05-01
`
};

/** The query context of `files` checked as one workspace in folder file:///ws/ on `asOf`. */
export async function queryOn(files: Files, asOf = AS_OF): Promise<QueryContext> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    const checked = await checkSources(sources, { asOf, roots: ['file:///ws/'] });
    return queryContext(checked.services.shared);
}
