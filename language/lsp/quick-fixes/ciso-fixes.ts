import { AstUtils } from 'langium';
import { isRole, type Role } from '../../generated/ast.js';
import { ISMS_CONFORMANCE, ISMS_REPORTING } from '../../standards/catalogue.js';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import { SNIPPETS } from '../snippets.js';
import { here, quickFix, QuickFixTitles, type QuickFix, type QuickFixContext } from './quick-fix.js';
import { appendToHome, mergeChanges } from './placement.js';
import { insertIntoBlock, nodeAt, uniqueName } from './text-edits.js';

function modelOf(context: QuickFixContext): WorkspaceModel {
    return context.services.shared.mandate.WorkspaceModel.get();
}

function isDeclared(model: WorkspaceModel): (name: string) => boolean {
    return name => model.declarationsByName.has(name);
}

/** ciso-missing: designate a role that already carries 5.3(a) or (b), or create one from the template. */
export const designateCiso: QuickFix = context => {
    const model = modelOf(context);
    if (model.cisoRoles.length > 0) return [];
    const carrying = new Set([...model.rolesCarrying(ISMS_CONFORMANCE), ...model.rolesCarrying(ISMS_REPORTING)]);
    const candidates = model.roles.filter(role => carrying.has(role) && role.name);
    const actions = candidates.flatMap(role => {
        const text = AstUtils.getDocument(role).textDocument;
        const edits = insertIntoBlock(text, role, ['designated CISO'], 'start');
        return edits
            ? [quickFix(context, QuickFixTitles.designateCiso(role.name), { [text.uri]: edits }, { preferred: candidates.length === 1 })]
            : [];
    });
    const template = cisoTemplate(model);
    actions.push(quickFix(context, QuickFixTitles.createCisoFromTemplate, appendToHome(context, 'Role', template)));
    return actions;
};

/** The snippet's text without its tab stops: each placeholder becomes its default, each choice its first option. */
export function snippetText(body: string): string {
    return body
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\d+/g, '');
}

/** The names of the responsibilities some role of the workspace is already `accountable for`. */
function accountableNames(model: WorkspaceModel): Set<string> {
    const names = new Set<string>();
    for (const role of model.roles) {
        for (const link of role.duties) {
            if (link.kind !== 'accountable') continue;
            for (const reference of link.duties) if (reference.ref?.$type === 'Responsibility') names.add(reference.ref.name);
        }
    }
    return names;
}

/**
 * An `accountable for` line and its continuation lines without the names `taken` accepts:
 * a second accountable role is a `raci-accountable` error. Each kept line keeps its indentation.
 */
function withoutTaken(lines: readonly string[], taken: (name: string) => boolean): string[] {
    const prefix = /^\s*accountable for /.exec(lines[0])?.[0] ?? '';
    const rows = lines.map((line, index) => {
        const indent = index === 0 ? prefix : /^\s*/.exec(line)![0];
        const names = line.slice(indent.length).split(',').map(name => name.trim()).filter(name => name !== '' && !taken(name));
        return { indent, names };
    }).filter(row => row.names.length > 0);
    if (rows.length > 0) rows[0] = { ...rows[0], indent: prefix };
    return rows.map((row, index) => row.indent + row.names.join(', ') + (index < rows.length - 1 ? ',' : ''));
}

/**
 * The CISO template of the snippets as plain declarations that fit the workspace: the role gets
 * a free name, reports to top management (or to the snippet's default if that role is declared,
 * or to nobody), responsibilities the workspace already declares are referenced rather than
 * declared again, and the CISO is not made accountable for one that a role already answers for.
 */
export function cisoTemplate(model: WorkspaceModel): string[] {
    const snippet = SNIPPETS.find(candidate => candidate.label === 'role ciso');
    if (!snippet) throw new Error('the CISO role snippet is missing from snippets.ts');
    const declared = isDeclared(model);
    const accountable = accountableNames(model);
    const topManagement = model.topManagement[0]?.name;
    const chunks: string[][] = [];
    // A chunk is a declaration with its lines, and the doc comment above it.
    const isComment = (line: string) => line.startsWith('//');
    const commentsOnly = (chunk: string[] | undefined) => chunk !== undefined && chunk.length > 0 && chunk.every(isComment);
    for (const line of snippetText(snippet.body).split('\n')) {
        const last = chunks[chunks.length - 1];
        if (line === '') chunks.push([]);
        else if ((isComment(line) || /^[a-z]/.test(line)) && !commentsOnly(last)) chunks.push([line]);
        else if (last) last.push(line);
        else chunks.push([line]);
    }
    const lines: string[] = [];
    for (const chunk of chunks) {
        if (chunk.length === 0) {
            if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
            continue;
        }
        const header = chunk.find(line => !isComment(line)) ?? '';
        const responsibility = /^responsibility (\S+)/.exec(header);
        if (responsibility && declared(responsibility[1])) continue;
        const role = /^role (\S+)/.exec(header);
        const adapted: string[] = [];
        for (let index = 0; index < chunk.length; index++) {
            const line = chunk[index];
            const reports = /^(\s*reports to )(\S+)$/.exec(line);
            if (line === header && role) adapted.push(line.replace(/^role \S+/, `role ${uniqueName(role[1], declared)}`));
            else if (reports) {
                const to = topManagement ?? (model.roles.some(candidate => candidate.name === reports[2]) ? reports[2] : undefined);
                if (to) adapted.push(reports[1] + to);
            } else if (/^\s*accountable for /.test(line)) {
                // The list and the lines that continue it (each but the last ends with a comma).
                let end = index;
                while (chunk[end].endsWith(',') && end + 1 < chunk.length) end++;
                adapted.push(...withoutTaken(chunk.slice(index, end + 1), name => declared(name) && accountable.has(name)));
                index = end;
            } else adapted.push(line);
        }
        lines.push(...adapted);
    }
    while (lines[lines.length - 1] === '') lines.pop();
    return lines;
}

/**
 * ciso-reporting-missing: make the CISO responsible for an ISMS reporting duty, declaring one if
 * there is none. The CISO is made accountable for it too unless a role already answers for it:
 * a duty with an R and no A is a `raci-accountable` error.
 */
export const addReportingDuty: QuickFix = context => {
    const node = nodeAt(context.document, context.diagnostic.range.start);
    const role: Role | undefined = node ? AstUtils.getContainerOfType(node, isRole) : undefined;
    if (!role?.ciso) return [];
    const model = modelOf(context);
    if (model.dutiesCarriedBy(role).some(duty => duty.requirements.includes(ISMS_REPORTING))) return [];
    const text = context.document.textDocument;
    const candidates = model.responsibilities.filter(duty => duty.name && duty.requirements.includes(ISMS_REPORTING));
    if (candidates.length > 0) {
        const answered = accountableNames(model);
        return candidates.flatMap(duty => {
            const both = !answered.has(duty.name);
            const edits = insertIntoBlock(text, role, both ? [`responsible for ${duty.name}`, `accountable for ${duty.name}`] : [`responsible for ${duty.name}`]);
            const title = both ? QuickFixTitles.addAccountableReportingDuty(duty.name, role.name) : QuickFixTitles.addReportingDuty(duty.name, role.name);
            return edits ? [quickFix(context, title, here(context, ...edits), { preferred: candidates.length === 1 })] : [];
        });
    }
    const name = uniqueName('isms-reporting', isDeclared(model));
    const link = insertIntoBlock(text, role, [`responsible for ${name}`, `accountable for ${name}`]);
    if (!link) return [];
    const responsibility = appendToHome(context, 'Responsibility', [
        `responsibility ${name} "Track ISMS performance indicators and report them to top management" {`,
        `\tsatisfies ${ISMS_REPORTING}`,
        '\tevery quarter',
        '}'
    ]);
    return [quickFix(context, QuickFixTitles.addReportingResponsibility, mergeChanges(here(context, ...link), responsibility), { preferred: true })];
};
