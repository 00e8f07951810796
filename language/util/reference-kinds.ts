/** Reference types as a policy author knows them, with the keyword that declares one. */
export interface ReferenceKind {
    readonly noun: string;
    readonly declare: string;
}

const KINDS: Record<string, ReferenceKind> = {
    Person: { noun: 'person', declare: 'person' },
    Role: { noun: 'role', declare: 'role' },
    Responsibility: { noun: 'responsibility', declare: 'responsibility' },
    Authority: { noun: 'authority', declare: 'authority' },
    Training: { noun: 'training programme', declare: 'training' },
    AppointingBody: { noun: 'appointing body', declare: 'appointing body' },
    Party: { noun: 'role or person', declare: 'role' },
    Appointer: { noun: 'role, person or appointing body', declare: 'role' },
    Duty: { noun: 'responsibility or authority', declare: 'responsibility' },
    Conflicting: { noun: 'role, responsibility or authority', declare: 'role' },
    Grantee: { noun: 'person or appointing body', declare: 'person' }
};

/** How messages name a reference type; never the grammar's type name (`Appointer`). tests/rules.test.ts checks every reference type of the grammar has its entry. */
export function referenceKind(type: string): ReferenceKind {
    return KINDS[type] ?? { noun: 'declaration', declare: type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() };
}
