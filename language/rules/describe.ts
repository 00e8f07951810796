import type { Assignment, Party } from '../generated/ast.js';
import { readTitle } from '../util/title-reads.js';

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
