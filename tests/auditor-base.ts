/**
 * The base policy of the independent auditor's scenarios (clean on its own: the board, the CEO and
 * the CISO role, which each scenario's ciso.mandate fills), and a variant of its CISO role's duties.
 */

/** The CISO role's job description lines in AUDITOR_BASE. */
export const BASE_CISO_DUTIES = 'responsible for isms-conformance, isms-reporting\n    accountable for isms-conformance, isms-reporting';

export const AUDITOR_BASE = `organization acme "Acme Ltd" {
    top management board
}
appointing body shareholders "Shareholders' meeting"
role board "Board of Directors" {
    accountable for isms-leadership
    informed of isms-reporting
}
role ceo "Chief Executive Officer" {
    reports to board
    responsible for isms-leadership
}
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to ceo
    responsible for isms-conformance, isms-reporting
    accountable for isms-conformance, isms-reporting
}
responsibility isms-leadership "Lead the ISMS" { satisfies ISO27001:5.1 }
responsibility isms-conformance "Keep the ISMS in line with ISO/IEC 27001" {
    satisfies ISO27001:5.3(a)
}
responsibility isms-reporting "Report ISMS performance to the board" {
    satisfies ISO27001:5.3(b)
    every quarter
}
person maggie "Margaret Chen"
person dan "Daniel Weiss" { employed since 2019-01-07 }
assign maggie to board since 2016-03-01 appointed by shareholders {
    announced 2016-03-01 via org-chart to all-staff
}
assign dan to ceo since 2019-01-07 appointed by board {
    announced 2019-01-07 via all-hands to all-staff
}
`;
