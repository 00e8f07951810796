/**
 * Hovers of issue 12: people with their roles and employment on the as-of date; activities,
 * channels and RACI phrases explained; `//` doc comments on declarations and their references.
 */
import { EmptyFileSystem } from 'langium';
import { expectHover } from 'langium/test';
import { beforeAll, describe, it } from 'vitest';
import { createMandateServices } from '../language/mandate-module.js';

let hover: ReturnType<typeof expectHover>;

beforeAll(() => {
    const services = createMandateServices(EmptyFileSystem).Mandate;
    services.shared.mandate.Settings.setAsOf('2025-06-30');
    hover = expectHover(services);
});

const POLICY = `// Owns the ISMS day to day.
// Appointed by the board.
role ciso "Chief Information Security Officer" {
    designated CISO
    <|>responsible for isms-reporting
    consulted o<|>n access-review
}
role dpo "Data Protection Officer"
responsibility isms-reporting "Report ISMS performance"
responsibility access-review "Review access" { activity <|>approve-access }
person <|>jane "Jane Doe" { employed since 2020-01-01 }
person <|>omar "Omar Haddad" { employed since 2019-01-01 until 2025-03-31 }
person <|>kim "Kim Lee" { external "Interim Partners" engaged since 2025-01-01 }
assign jane to <|>ciso since 2024-03-01 { announced 2024-03-05 via <|>intranet to all-staff }
assign jane to dpo since 2024-03-01
assign omar to dpo since 2020-01-01 { announced 2020-01-02 via <|>town-hall }

// mandate-ignore role-unheld: kept for later
role <|>spare "Spare"
`;

describe('hover on people', () => {
    it('lists their roles on the as-of date and their employment', async () => {
        await hover({ text: POLICY, index: 3, hover: /Employed since 2020-01-01\n\nRoles on 2025-06-30: Chief Information Security Officer \(`ciso`\), Data Protection Officer \(`dpo`\)/ });
    });
    it('says when someone has left, and that they hold no role', async () => {
        await hover({ text: POLICY, index: 4, hover: /Employed from 2019-01-01 to 2025-03-31\n\nLeft on 2025-03-31: holds no role on 2025-06-30/ });
    });
    it('shows an engagement and no role', async () => {
        await hover({ text: POLICY, index: 5, hover: /External, Interim Partners\n\nEngaged since 2025-01-01\n\nNo role on 2025-06-30/ });
    });
});

describe('hover on values and phrases', () => {
    it('explains RACI phrases, on either word', async () => {
        await hover({ text: POLICY, index: 0, hover: /\*\*Responsible\*\* \(RACI R\): the role does the work/ });
        await hover({ text: POLICY, index: 1, hover: /\*\*Consulted\*\* \(RACI C\)/ });
    });
    it('explains an activity and what it conflicts with', async () => {
        await hover({ text: POLICY, index: 2, hover: /\*\*Activity\*\* `approve-access`: Approve access rights[\s\S]*`request-access`/ });
    });
    it('explains a common channel and an organization\'s own', async () => {
        await hover({ text: POLICY, index: 7, hover: /\*\*Channel\*\* `intranet`: News post or page on the intranet[\s\S]*Used in \d+ announcements?\./ });
        await hover({ text: POLICY, index: 8, hover: /\*\*Channel\*\* `town-hall`: A channel of the organization's own/ });
    });
});

describe('doc comments', () => {
    it('show the // lines directly above a declaration on its references', async () => {
        await hover({ text: POLICY, index: 6, hover: /Held on 2025-06-30 by Jane Doe since 2024-03-01\n\nOwns the ISMS day to day.\nAppointed by the board./ });
    });
    it('leave out suppressions and need no blank line between', async () => {
        await hover({ text: POLICY, index: 9, hover: /^\*\*Role\*\* `spare`: Spare\n\nVacant on 2025-06-30$/ });
        await hover({ text: '// Not this one.\n\nrole <|>r "R"\n', index: 0, hover: /^\*\*Role\*\* `r`: R\n\nVacant on 2025-06-30$/ });
    });
});
