import { AstUtils, type AstNode } from 'langium';
import type { Assignment, Party } from '../generated/ast.js';
import { readTitle } from '../util/title-reads.js';

/** `roles.mandate:12`: a short, clickable-looking location for messages that point elsewhere. */
export function locationOf(node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const path = document.uri.path;
    const file = path.slice(path.lastIndexOf('/') + 1);
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    return `${file}:${line}`;
}

/** `jane-doe ("Jane Doe")`: the ID people write plus the title they recognise. */
export function describe(node: { name: string; title?: string } | Party | undefined): string {
    if (!node) return 'an unknown party';
    const title = readTitle(node);
    return title ? `${node.name} ("${title}")` : node.name;
}

/**
 * ` of 'jane' to 'ciso'`: the names of an assignment for messages, leaving out any name that did
 * not resolve (the linker reports it), so a message never shows `?` or `undefined`.
 */
export function assignmentNames(assignment: Assignment): string {
    const person = assignment.person?.ref?.name;
    const role = assignment.role?.ref?.name;
    return `${person ? ` of '${person}'` : ''}${role ? ` to '${role}'` : ''}`;
}
