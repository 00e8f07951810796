/**
 * The applicability engine (language/applicability/): claimed frameworks, exclusions, the four
 * statuses with roll-up of items, structural evidence, control owners, and the two rules that
 * read it, applicability-invalid and control-owner-missing.
 */
import { URI } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { clause53Status, controlOwners, requirementStatuses, statementOfApplicability } from '../language/applicability/index.js';
import { parseConfig } from '../language/config/mandate-config.js';
import { checkSources, type Finding } from '../language/engine/check-sources.js';
import { computeStatus } from '../language/lsp/mandate-status.js';
import { createMandateServices } from '../language/mandate-module.js';
import { RULES_BY_ID } from '../language/rules/index.js';
import { WorkspaceModel } from '../language/workspace/workspace-model.js';
import { AS_OF, CLEAN_POLICY, check, where, withEdit, type Files } from './helpers.js';

async function engineOf(files: Files, asOf = AS_OF, configText?: string) {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    const config = configText === undefined ? undefined : parseConfig(configText, RULES_BY_ID).config;
    const { services, findings } = await checkSources(sources, { asOf, config });
    const shared = services.shared;
    const model = shared.mandate.WorkspaceModel.get();
    const open = findings.filter(finding => !finding.suppressed);
    const statuses = requirementStatuses(model, asOf, shared.mandate.Settings, open);
    return { shared, model, findings, statuses, status: (id: string) => statuses.find(entry => entry.requirement.id === id) };
}

const messages = (findings: readonly Finding[], rule: string) => findings.filter(finding => finding.rule === rule).map(finding => finding.message);

/** CLEAN_POLICY plus a statement of applicability. */
const claiming = (soa: string, extra: Files = {}): Files => ({ ...CLEAN_POLICY, 'soa.mandate': soa, ...extra });

describe('claimed frameworks', () => {
    it('assesses ISO/IEC 27001 alone when the policy claims nothing, and lists only top-level requirements', async () => {
        const { model, statuses } = await engineOf(CLEAN_POLICY);
        const soa = statementOfApplicability(model);
        expect([soa.declared, soa.frameworks.map(framework => framework.prefix)]).toEqual([false, ['ISO27001']]);
        expect(new Set(statuses.map(entry => entry.requirement.framework))).toEqual(new Set(['ISO27001']));
        expect(statuses.every(entry => entry.requirement.parent === undefined)).toBe(true);
        expect(statuses.map(entry => entry.requirement.id)).toContain('ISO27001:A.8.34');
        expect(statuses.map(entry => entry.requirement.id)).not.toContain('ISO27001:5.3(a)');
    });

    it('assesses only the claimed frameworks, in catalogue order, and not ISO/IEC 27001 unless claimed', async () => {
        const { statuses, shared, model, findings } = await engineOf(claiming('claims SOC2\nclaims NIST-CSF'));
        expect([...new Set(statuses.map(entry => entry.requirement.framework))]).toEqual(['NIST-CSF', 'SOC2']);
        expect(statuses.filter(entry => entry.requirement.framework === 'NIST-CSF').map(entry => entry.requirement.clause)).toEqual(['GV', 'ID', 'PR', 'DE', 'RS', 'RC']);
        // Clause 5.3 is still what the status bar shows.
        expect(clause53Status(model, AS_OF, shared.mandate.Settings, findings)).toBe('met');
    });

    it('works out clause 5.3 for the status bar without the training obligations or other requirements\' evidence', async () => {
        const { shared, findings } = await engineOf(CLEAN_POLICY);
        // A fresh snapshot, as after an edit: what the status reads is computed on it, nothing else.
        const model = new WorkspaceModel(shared.mandate.WorkspaceModel.documents());
        const computed: string[] = [];
        const cached = model.cached.bind(model);
        model.cached = (key, compute) => {
            computed.push(key);
            return cached(key, compute);
        };
        expect(clause53Status(model, AS_OF, shared.mandate.Settings, findings)).toBe('met');
        expect(computed.filter(key => key.startsWith('training-'))).toEqual([]);
        // The 5.3 items have no structural evidence of their own: none of the other requirements' is computed.
        expect(computed).not.toContain(`applicability:structural-evidence@${AS_OF}`);
        expect(requirementStatuses(model, AS_OF, shared.mandate.Settings, findings).length).toBeGreaterThan(0);
        expect(computed).toContain(`training-status@${AS_OF}`);
    });
});

describe('requirement status', () => {
    it('rolls items up into their clause: all items, or the clause itself, make it met; some make it partly met', async () => {
        const { status } = await engineOf(CLEAN_POLICY);
        const clause = status('ISO27001:5.3')!;
        expect(clause.status).toBe('met');
        expect(clause.items.map(item => [item.requirement.clause, item.status])).toEqual([['5.3(a)', 'met'], ['5.3(b)', 'met']]);
        expect(clause.heldBy.map(role => role.name)).toEqual(['ciso']);

        const audit = `
role auditor "Internal Auditor" {
    responsible for audit-programme
    accountable for audit-programme
}
responsibility audit-programme "Plan and run the audit programme" { satisfies ISO27001:9.2.2 }
responsibility review "Review the ISMS" { satisfies ISO27001:9.3 }
role reviewer "Reviewer" { accountable for review responsible for review }
person omar "Omar" { employed since 2020-01-01 }
assign omar to auditor since 2024-01-01 appointed by board { announced 2024-01-01 via email to all-staff }
`;
        const { status: after } = await engineOf({ ...CLEAN_POLICY, 'audit.mandate': audit });
        const internalAudit = after('ISO27001:9.2')!;
        expect(internalAudit.status).toBe('partly-met');
        expect(internalAudit.items.find(item => item.requirement.clause === '9.2.2')?.status).toBe('met');
        expect(internalAudit.items.find(item => item.requirement.clause === '9.2.1')?.status).toBe('not-met');
        expect(internalAudit.reasons).toContain('Items covered: 9.2.2.');
        // The reviewer role is vacant: what only a vacant role carries is not met, and the reason says so.
        expect(after('ISO27001:9.3')?.status).toBe('not-met');
        expect(after('ISO27001:9.3')?.reasons).toContain('Only vacant roles carry it: reviewer.');
        expect(after('ISO27001:A.8.1')?.reasons).toEqual(['No responsibility, authority or training in the policy satisfies it.']);
        // A duty that satisfies a clause covers its items; the reasons do not list them as gaps.
        const reviewed = await engineOf({ ...CLEAN_POLICY, 'audit.mandate': audit.replace('ISO27001:9.3', 'ISO27001:9.2').replace('role reviewer "Reviewer"', 'role reviewer "Reviewer"').replace('assign omar to auditor', 'assign omar to reviewer since 2024-01-01 appointed by board { announced 2024-01-01 via email to all-staff }\nassign omar to auditor') });
        const whole = reviewed.status('ISO27001:9.2')!;
        expect(whole.status).toBe('met');
        expect(whole.items.every(item => item.status === 'met')).toBe(true);
        expect(whole.reasons.filter(reason => reason.startsWith('Items'))).toEqual([]);
    });

    it('marks an excluded requirement, and the items of an excluded control, not applicable with the justification', async () => {
        const { status } = await engineOf(claiming(`
claims ISO27001 {
    not applicable ISO27001:A.7.4 "Acme has no premises of its own: staff work remotely; the data centre is the cloud provider's."
}`));
        const premises = status('ISO27001:A.7.4')!;
        expect(premises.status).toBe('not-applicable');
        expect(premises.exclusion?.justification).toBe("Acme has no premises of its own: staff work remotely; the data centre is the cloud provider's.");
        expect(premises.reasons).toEqual([`Declared not applicable: ${premises.exclusion?.justification}`]);
        expect(premises.exclusion?.exclusion.$cstNode?.range.start.line).toBe(2);
    });

    it('takes an excluded item out of its clause: the other items alone decide', async () => {
        const files = claiming(`
claims PCI-DSS {
    not applicable PCI-DSS:12.5.2 "Scope is confirmed by the acquirer's QSA, not by us."
}`);
        const { status, model } = await engineOf(files);
        const items = model.catalogue.children('PCI-DSS:12.5');
        expect(items.map(item => item.id)).toContain('PCI-DSS:12.5.2');
        expect(status('PCI-DSS:12.5')?.items.find(item => item.requirement.id === 'PCI-DSS:12.5.2')?.status).toBe('not-applicable');
    });

    it('evidences structurally what the policy shows: 5.3, A.5.2 and 7.4 from held and announced roles; A.5.3 needs declared conflicts', async () => {
        const { status } = await engineOf(CLEAN_POLICY);
        expect(status('ISO27001:A.5.2')?.status).toBe('met');
        expect(status('ISO27001:A.5.2')?.evidence.map(fact => fact.text)).toEqual([
            "1 role carries duties documented in the policy's job descriptions.", `Every one of them is held on ${AS_OF}.`
        ]);
        expect(status('ISO27001:7.4')?.status).toBe('met');
        expect(status('ISO27001:7.4')?.rules.map(check => check.rule)).toEqual(expect.arrayContaining(['assignment-not-communicated', 'announcement-late']));
        expect(status('ISO27001:A.5.3')?.status).toBe('not-met');
        expect(status('ISO27001:7.3')?.status).toBe('not-met');

        const conflict = { 'conflicts.mandate': 'conflict between ciso and board "The CISO must not sit on the board that reviews the ISMS."' };
        const declared = await engineOf({ ...CLEAN_POLICY, ...conflict });
        expect(declared.status('ISO27001:A.5.3')?.status).toBe('met');
        expect(declared.status('ISO27001:A.5.3')?.reasons).toContain('The policy shows: 1 segregation-of-duties conflict is declared.');
        // With the segregation check switched off, the declared conflicts are not checked: partly met.
        const off = await engineOf({ ...CLEAN_POLICY, ...conflict }, AS_OF, '{ "rules": { "sod-conflict": "off" } }');
        const segregation = off.status('ISO27001:A.5.3')!;
        expect(segregation.status).toBe('partly-met');
        expect(segregation.reasons).toContain('The rule sod-conflict is switched off, so the evidence above is not checked.');
        expect(segregation.rules.find(check => check.rule === 'sod-conflict')?.state).toBe('off');
    });

    it('lowers a covered requirement to partly met while a finding of a rule that evidences it remains', async () => {
        const { status, findings } = await engineOf(withEdit('people.mandate', text => text.replace(/\s*announced .*/, '')));
        const communication = status('ISO27001:7.4')!;
        expect(communication.status).toBe('not-met'); // the only key appointment was never announced
        const clause = status('ISO27001:5.3')!;
        expect(clause.status).toBe('partly-met');
        expect(clause.findings.map(index => findings[index].rule)).toEqual(['assignment-not-communicated']);
        expect(clause.rules.find(check => check.rule === 'assignment-not-communicated')).toMatchObject({ state: 'findings' });
        // The reason names the rules that lowered it, with how many findings each, not a bare count.
        expect(clause.reasons).toContain('1 finding of rules that evidence it: assignment-not-communicated.');

        const deputy = `
person omar "Omar" { employed since 2020-01-01 }
assign omar to ciso as acting since 2024-02-01 until 2024-02-29 appointed by board
`;
        const two = await engineOf({ ...withEdit('people.mandate', text => text.replace(/\s*announced .*/, '')), 'acting.mandate': deputy });
        const lowered = two.status('ISO27001:5.3')!;
        const rules = [...new Set(lowered.findings.map(index => two.findings[index].rule))];
        expect(lowered.findings.length).toBeGreaterThan(rules.length); // some rule has two findings
        const named = rules.map(rule => {
            const count = lowered.findings.filter(index => two.findings[index].rule === rule).length;
            return count === 1 ? rule : `${rule} (${count})`;
        });
        expect(lowered.reasons).toContain(`${lowered.findings.length} findings of rules that evidence it: ${named.join(', ')}.`);
    });

    it('keeps clause 5.3 the worse of 5.3(a) and 5.3(b), as the status bar shows it', async () => {
        const files = withEdit('roles.mandate', text => text.replace('satisfies ISO27001:5.3(b)', ''));
        const { shared, model, findings, status } = await engineOf(files);
        expect(clause53Status(model, AS_OF, shared.mandate.Settings, findings)).toBe('not-met');
        expect(computeStatus(shared).clause53).toBe('not-met');
        expect(status('ISO27001:5.3')?.status).toBe('partly-met');
        expect(computeStatus((await engineOf(CLEAN_POLICY)).shared).clause53).toBe('met');
    });
});

describe('control owners', () => {
    it('are the held roles accountable for a duty that satisfies the requirement or one of its items, with holder and tenure', async () => {
        const { model } = await engineOf(CLEAN_POLICY);
        const register = controlOwners(model, AS_OF);
        expect(register).toBe(controlOwners(model, AS_OF)); // cached per snapshot and date
        const clause = register.find(entry => entry.requirement.id === 'ISO27001:5.3')!;
        expect(clause.owners.map(owner => [owner.role.name, owner.duties.map(duty => duty.name), owner.items.map(item => item.clause)]))
            .toEqual([['ciso', ['isms-conformance', 'isms-reporting'], ['5.3(a)', '5.3(b)']]]);
        expect(clause.owners[0].holders.map(holder => [holder.tenure.person.name, holder.tenure.since])).toEqual([['jane', '2024-03-01']]);
        expect(register.find(entry => entry.requirement.id === 'ISO27001:A.5.2')).toMatchObject({ owners: [], structural: true });
        expect(register.find(entry => entry.requirement.id === 'ISO27001:A.8.1')).toMatchObject({ owners: [], vacantOwners: [], structural: false });
    });

    it('never says met for a requirement the register says has no owner: carried by a held role that is responsible but not accountable', async () => {
        const privacy = {
            'privacy.mandate': `
role dpo "Data Protection Officer" { key role  reports to board  responsible for privacy }
responsibility privacy "Protect personal data" { satisfies ISO27001:A.5.34 }
assign jane to dpo since 2024-03-01 appointed by board { announced 2024-03-05 via intranet to all-staff }
`
        };
        // raci-accountable, which also finds nobody accountable for the duty and lowers what it satisfies, is off: this is about the register.
        const { status, findings } = await engineOf(claiming('claims ISO27001', privacy), AS_OF, '{ "rules": { "raci-accountable": "off" } }');
        expect(messages(findings, 'control-owner-missing').some(message => message.startsWith('ISO27001:A.5.34 '))).toBe(true);
        const result = status('ISO27001:A.5.34')!;
        expect(result.status).toBe('partly-met');
        expect(result.reasons).toContain(`No role held on ${AS_OF} is accountable for it (control-owner-missing).`);
        // Switched off, the rule lowers nothing: the team chose not to track control owners.
        const off = await engineOf(claiming('claims ISO27001', privacy), AS_OF, '{ "rules": { "control-owner-missing": "off", "raci-accountable": "off" } }');
        expect(off.status('ISO27001:A.5.34')!.status).toBe('met');
        // Accountable as well as responsible: an owner, and met.
        const owned = await engineOf(claiming('claims ISO27001', { 'privacy.mandate': privacy['privacy.mandate'].replace('responsible for privacy', 'responsible for privacy  accountable for privacy') }));
        expect(owned.status('ISO27001:A.5.34')!.status).toBe('met');
    });

    it('lists as not covered no item of an item that is covered as a whole', async () => {
        const audit = { 'audit.mandate': `
role auditor "Internal auditor" { reports to board  responsible for internal-audit  accountable for internal-audit }
responsibility internal-audit "Run the internal audit programme" { satisfies ISO27001:9.2.1, ISO27001:9.2.2 }
assign jane to auditor since 2024-03-01 appointed by board { announced 2024-03-05 via intranet to all-staff }
` };
        const both = (await engineOf(claiming('claims ISO27001', audit))).status('ISO27001:9.2')!;
        expect(both.status).toBe('met');
        expect(both.reasons).toContain('Items covered: 9.2.1, 9.2.2.');
        expect(both.reasons.join(' ')).not.toContain('not covered');
        const one = (await engineOf(claiming('claims ISO27001', { 'audit.mandate': audit['audit.mandate'].replace('ISO27001:9.2.1, ', '') }))).status('ISO27001:9.2')!;
        expect(one.status).toBe('partly-met');
        expect(one.reasons).toContain('Items covered: 9.2.2.');
        expect(one.reasons).toContain('Items not covered: 9.2.1, 9.2.1(a), 9.2.1(a)(1), 9.2.1(a)(2), 9.2.1(b).');
        expect(one.reasons.join(' ')).not.toMatch(/9\.2\.2\(/);
    });

    it('leaves excluded requirements out of the register', async () => {
        const { model } = await engineOf(claiming('claims ISO27001 { not applicable ISO27001:A.7.4 "Remote only." }'));
        expect(controlOwners(model, AS_OF).map(entry => entry.requirement.id)).not.toContain('ISO27001:A.7.4');
    });
});

describe('applicability-invalid', () => {
    it('reports an unknown framework, a repeated claim, a missing justification and an exclusion that is not of the claimed framework', async () => {
        const findings = await check(claiming(`
claims ISO2701
claims ISO27001 {
    not applicable ISO27001:A.7.4
    not applicable NIST-CSF:PR.AA-06 "No premises."
    not applicable ISO27001:A.99.1 "Typo."
}
claims ISO27001
`));
        expect(where(findings, 'applicability-invalid')).toEqual(['soa.mandate:2', 'soa.mandate:4', 'soa.mandate:5', 'soa.mandate:6', 'soa.mandate:8']);
        const [unknown, justification, foreign, missing, repeated] = messages(findings, 'applicability-invalid');
        expect(unknown).toBe("'ISO2701' is not a framework in the catalogue. Did you mean ISO27001?");
        expect(justification).toBe('The exclusion of ISO27001:A.7.4 gives no justification, so it does not take effect. A statement of applicability says why each '
            + 'excluded requirement does not apply (ISO/IEC 27001 6.1.3(d)): write it after the IDs, e.g. `not applicable ISO27001:A.7.4 "<why it does not apply>"`.');
        expect(foreign).toBe('NIST-CSF:PR.AA-06 belongs to NIST-CSF, not to ISO27001: NIST-CSF is not claimed, so its requirements need no exclusion.');
        expect(missing).toMatch(/^'ISO27001:A\.99\.1' is not a requirement in the standards catalogue/);
        expect(repeated).toBe('ISO27001 is already claimed at soa.mandate:3. Claim each framework once, with all its exclusions in that one declaration.');
    });

    it('reports an exclusion the policy contradicts, naming the duty and where it is, also through an item', async () => {
        const findings = await check(claiming(`
claims ISO27001 {
    not applicable ISO27001:A.5.7 "We rely on our MSSP."
    not applicable ISO27001:5.3 "Not us."
}`, { 'intel.mandate': 'responsibility threat-intel "Gather threat intelligence" { satisfies ISO27001:A.5.7 }' }));
        const [satisfied, clause] = messages(findings, 'applicability-invalid');
        expect(satisfied).toBe("ISO27001:A.5.7 is declared not applicable, but responsibility 'threat-intel' (intel.mandate:1) satisfies it. "
            + 'Remove the exclusion if the control applies, or the `satisfies` if it does not.');
        expect(clause).toBe('ISO27001:5.3 is a clause of ISO/IEC 27001 (clauses 4 to 10), which every ISMS must meet: only Annex A controls can be declared not applicable.');
        const items = await check(claiming('claims PCI-DSS { not applicable PCI-DSS:12.5 "Out of scope." }',
            { 'scope.mandate': 'responsibility scope "Confirm PCI DSS scope" { satisfies PCI-DSS:12.5.2 }' }));
        expect(messages(items, 'applicability-invalid')).toEqual([expect.stringContaining("satisfies PCI-DSS:12.5.2, an item of it.")]);
    });

    it('does not fire on a valid statement of applicability, and an invalid exclusion does not take effect', async () => {
        expect(where(await check(claiming('claims ISO27001 { not applicable ISO27001:A.7.4, ISO27001:A.7.5 "Remote only." }')), 'applicability-invalid')).toEqual([]);
        const { status } = await engineOf(claiming('claims ISO27001 { not applicable ISO27001:A.7.4 }'));
        expect(status('ISO27001:A.7.4')?.status).toBe('not-met');
    });

    it('says on the requirement\'s own row that its exclusion is not in force, when the policy satisfies it', async () => {
        const { status } = await engineOf(claiming('claims ISO27001 {\n    not applicable ISO27001:A.5.7 "We rely on our MSSP."\n}',
            { 'intel.mandate': 'responsibility threat-intel "Gather threat intelligence" { satisfies ISO27001:A.5.7 }' }));
        expect(status('ISO27001:A.5.7')?.status).not.toBe('not-applicable');
        expect(status('ISO27001:A.5.7')?.reasons).toContain('Declared not applicable, but the exclusion is not in force (applicability-invalid): '
            + "ISO27001:A.5.7 is declared not applicable, but responsibility 'threat-intel' (intel.mandate:1) satisfies it. "
            + 'Remove the exclusion if the control applies, or the `satisfies` if it does not.');
    });
});

describe('control-owner-missing', () => {
    it('does not run without a statement of applicability', async () => {
        expect(where(await check(CLEAN_POLICY), 'control-owner-missing')).toEqual([]);
    });

    it('reports each applicable top-level requirement of a claimed framework once, on the claim, unless owned or evidenced', async () => {
        const findings = await check(claiming('claims NIST-CSF'));
        // GV is evidenced by the policy (GV.RR-02); the other five functions have no owner.
        expect(where(findings, 'control-owner-missing')).toEqual(Array(5).fill('soa.mandate:1'));
        expect(messages(findings, 'control-owner-missing')[0]).toBe(`NIST-CSF:ID (${'Identify: the current cybersecurity risks to the organization are understood'}) has no control owner on ${AS_OF}: `
            + 'make a held role `accountable for` a duty that `satisfies` it, or declare it `not applicable` with a justification.');
        const owned = await check(claiming('claims NIST-CSF', {
            'awareness.mandate': 'responsibility awareness "Run awareness training" { satisfies NIST-CSF:PR.AT-01 }\nrole trainer "Trainer" { responsible for awareness accountable for awareness }'
        }));
        // PR now has a role accountable for it, but nobody holds that role.
        expect(messages(owned, 'control-owner-missing').find(message => message.startsWith('NIST-CSF:PR '))).toContain("('trainer' is accountable but vacant)");
    });

    it('gives one finding per requirement for ISO/IEC 27001, and none for excluded, owned or evidenced ones', async () => {
        const { model } = await engineOf(CLEAN_POLICY);
        const findings = await check(claiming('claims ISO27001 { not applicable ISO27001:A.7.4 "Remote only." }'));
        const reported = messages(findings, 'control-owner-missing').map(message => message.slice(0, message.indexOf(' ')));
        expect(new Set(reported).size).toBe(reported.length);
        expect(reported).not.toEqual(expect.arrayContaining(['ISO27001:A.7.4']));
        for (const id of ['ISO27001:5.3', 'ISO27001:A.5.2', 'ISO27001:7.4']) expect(reported).not.toContain(id);
        expect(reported).toContain('ISO27001:A.8.1');
        const topLevel = model.catalogue.requirementsOf('ISO27001').filter(requirement => requirement.parent === undefined).length;
        expect(reported.length).toBe(topLevel - 4);
    });

    it('is referred to by the row of the requirement it names, not only by the rows its standards cite', async () => {
        const { findings, status } = await engineOf(claiming('claims ISO27001', {
            'incidents.mandate': 'responsibility inc "Handle incidents" { satisfies ISO27001:A.5.24 }\nrole eng "Engineer" { responsible for inc }\n'
                + 'person eve "Eve" { employed since 2020-01-01 }\nassign eve to eng since 2020-01-01 appointed by board { announced 2020-01-02 via email to all-staff }\n'
        }));
        const open = findings.filter(finding => !finding.suppressed);
        const row = status('ISO27001:A.5.24')!;
        expect(row.status).toBe('partly-met');
        expect(row.findings.map(index => open[index].message)).toContainEqual(expect.stringMatching(/^ISO27001:A\.5\.24 \(/));
    });
});

describe('an edit in another file updates the findings on the untouched statement of applicability, as a cold build shows them', () => {
    /** The findings of the statement of applicability after opening `files`, then after writing `edit`. */
    async function incremental(files: Files, edit: Files): Promise<{ before: string[]; after: string[]; cold: string[] }> {
        const disk = new VirtualFileSystemProvider();
        const uri = (name: string) => URI.parse(`file:///ws/${name}`);
        for (const [name, text] of Object.entries(files)) disk.insert(uri(name), text);
        const shared = createMandateServices({ fileSystemProvider: () => disk }).shared;
        shared.mandate.Settings.setAsOf(AS_OF);
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'ws', uri: 'file:///ws' }]);
        const soa = () => (shared.workspace.LangiumDocuments.getDocument(uri('soa.mandate'))?.diagnostics ?? []).map(d => `${String(d.code)}: ${d.message}`).sort();
        const before = soa();
        for (const [name, text] of Object.entries(edit)) disk.insert(uri(name), text);
        await shared.workspace.DocumentBuilder.update(Object.keys(edit).map(uri), []);
        const cold = (await check({ ...files, ...edit })).filter(finding => finding.uri.endsWith('/soa.mandate')).map(finding => `${finding.rule}: ${finding.message}`).sort();
        return { before, after: soa(), cold };
    }

    it('loses a control-owner-missing finding when a duty elsewhere gets an accountable holder', async () => {
        const owner = 'responsibility measures "Run the risk-management measures" { satisfies NIS2:21(2)(a) }\n';
        const files = { ...CLEAN_POLICY, 'soa.mandate': 'claims NIS2\n', 'measures.mandate': owner };
        const { before, after, cold } = await incremental(files, {
            'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('accountable for isms-reporting', 'accountable for measures, isms-reporting')
                .replace('responsible for isms-reporting', 'responsible for measures, isms-reporting')
        });
        expect(before.filter(message => message.startsWith('control-owner-missing'))).toHaveLength(2);
        expect(after.filter(message => message.startsWith('control-owner-missing'))).toEqual([expect.stringContaining('NIS2:20 ')]);
        expect(after).toEqual(cold);
    });

    it('gains applicability-invalid when a duty elsewhere starts to satisfy an excluded control', async () => {
        const files = { ...CLEAN_POLICY, 'soa.mandate': 'claims ISO27001 { not applicable ISO27001:A.5.7 "A provider does it." }\n' };
        const { before, after, cold } = await incremental(files, { 'intel.mandate': 'responsibility intel "Threat intelligence" { satisfies ISO27001:A.5.7 }\n' });
        expect(before.filter(message => message.startsWith('applicability-invalid'))).toEqual([]);
        expect(after.filter(message => message.startsWith('applicability-invalid'))).toEqual([expect.stringContaining("responsibility 'intel' (intel.mandate:1)")]);
        expect(after).toEqual(cold);
    });
});
