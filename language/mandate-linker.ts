import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import { closestMatch } from './util/did-you-mean.js';

/** Reference types as a policy author knows them, with the keyword that declares each. */
const KINDS: Record<string, { noun: string; declare: string }> = {
    Person: { noun: 'person', declare: 'person' },
    Role: { noun: 'role', declare: 'role' },
    Responsibility: { noun: 'responsibility', declare: 'responsibility' },
    Authority: { noun: 'authority', declare: 'authority' },
    Training: { noun: 'training programme', declare: 'training' },
    Party: { noun: 'role or person', declare: 'role' },
    Duty: { noun: 'responsibility or authority', declare: 'responsibility' },
    Conflicting: { noun: 'role, responsibility or authority', declare: 'role' }
};

// Suggestions scan the candidates once per unresolved name; past this size the hint is not worth it.
const MAX_CANDIDATES_FOR_SUGGESTION = 5000;

/** Unresolved references say what kind of thing is missing, suggest a near name and how to declare it. */
export class MandateLinker extends DefaultLinker {
    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        const type = this.reflection.getReferenceType(refInfo);
        const kind = KINDS[type] ?? { noun: type, declare: type.toLowerCase() };
        const candidates = this.scopeProvider.getScope(refInfo).getAllElements()
            .map(element => element.name).limit(MAX_CANDIDATES_FOR_SUGGESTION).distinct().toArray();
        const suggestion = closestMatch(name, candidates);
        const hint = suggestion ? ` Did you mean '${suggestion}'?` : ` Declare it with \`${kind.declare} ${name} "..."\`.`;
        return { ...error, message: `No ${kind.noun} named '${name}' is declared in this workspace.${hint}` };
    }
}
