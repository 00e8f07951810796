import { EmptyFileSystem } from 'langium';
import { expectHover } from 'langium/test';
import { beforeAll, describe, it } from 'vitest';
import { createMandateServices, type MandateServices } from '../language/mandate-module.js';

let hover: ReturnType<typeof expectHover>;
let services: MandateServices;

beforeAll(() => {
    services = createMandateServices(EmptyFileSystem).Mandate;
    services.shared.mandate.Settings.setAsOf('2025-06-30');
    hover = expectHover(services);
});

const POLICY = `role ciso "Chief Information Security Officer" {
    designated CISO
    description "Leads information security"
    responsible for <|>isms-reporting
}
responsibility isms-reporting "Report ISMS performance" { satisfies <|>ISO27001:5.3(b) }
person jane "Jane Doe"
assign jane to <|>ciso since 2024-03-01
`;

describe('hover', () => {
    it('shows a requirement title from the catalogue', async () => {
        await hover({ text: POLICY, index: 1, hover: /\*\*ISO27001:5\.3\\\(b\\\)\*\*: A role is assigned to report ISMS performance to top management/ });
    });
    it('shows the title of a referenced declaration', async () => {
        await hover({ text: POLICY, index: 0, hover: /\*\*Responsibility\*\* `isms-reporting`: Report ISMS performance/ });
    });
    it('shows who holds a role on the as-of date', async () => {
        await hover({ text: POLICY, index: 2, hover: /Designated CISO\n\nHeld on 2025-06-30 by Jane Doe since 2024-03-01/ });
    });
});

describe('hover on a role follows tenure', () => {
    const role = `role ciso "Chief Information Security Officer" { designated CISO }\n`;
    it('calls a role vacant when its only holder has left', async () => {
        await hover({
            text: `${role}person jane "Jane Doe" { employed since 2019-01-01 until 2025-03-31 }\nassign jane to <|>ciso since 2024-03-01\n`,
            index: 0, hover: /Designated CISO\n\nVacant on 2025-06-30/
        });
    });
    it('labels an acting holder and shows when a renewed tenure began', async () => {
        await hover({
            text: `${role}person jane "Jane Doe"\nassign jane to ciso since 2023-01-01 until 2024-12-31\nassign jane to <|>ciso as acting since 2025-01-01\n`,
            index: 0, hover: /Held on 2025-06-30 by Jane Doe \(acting\) since 2023-01-01, current term since 2025-01-01/
        });
    });
    it('says when a holder who joined after the appointment really holds it, as the query and the report do', async () => {
        await hover({
            text: `${role}person cara "Cara" { employed since 2025-06-20 }\nassign cara to <|>ciso since 2025-06-15\n`,
            index: 0, hover: /Held on 2025-06-30 by Cara since 2025-06-15, held from 2025-06-20, when they joined/
        });
    });
    it('names an external person and their firm', async () => {
        await hover({
            text: `person <|>kim "Kim Lee" { external "Interim Partners Ltd" engaged since 2024-12-15 }\n`,
            index: 0, hover: /External, Interim Partners Ltd/
        });
    });
});

describe('hover on suppressions', () => {
    it('explains the rule named in a mandate-ignore comment', async () => {
        await hover({
            text: '// mandate-ignore assignment-not-<|>communicated: announced in person\nperson p "P"\n', index: 0,
            hover: /\*\*assignment-not-communicated\*\* \(warning, communication\)\n\nAn appointment was never announced/
        });
    });
    it('says when the ID is not a rule', async () => {
        await hover({ text: '// mandate-ignore no-such-<|>rule: x\nperson p "P"\n', index: 0, hover: /is not a Mandate rule/ });
    });
});
