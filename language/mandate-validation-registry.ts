import {
    isOperationCancelled, stream, ValidationRegistry, type AstNode, type MaybePromise, type Stream, type ValidationAcceptor,
    type ValidationCategory, type ValidationCheck
} from 'langium';

/**
 * Langium wraps every check in two async functions and builds a filtered stream of checks for
 * every node, so each check on each node costs a few promises even though Mandate's checks are
 * synchronous. Here a check runs directly (an error still becomes a diagnostic on the node, as in
 * Langium), returns a promise only if the check did, and the checks per node type are listed once.
 */
export class MandateValidationRegistry extends ValidationRegistry {
    /** The checks per node type, per set of categories (joined with spaces; '' for all). */
    private readonly lists = new Map<string, Map<string, readonly ValidationCheck[]>>();
    /** The categories last asked for, and their key: a validation asks with one array for every node of a document. */
    private asked: { readonly categories: ValidationCategory[] | undefined; readonly key: string } = { categories: undefined, key: '' };
    /** Counts registrations: what a validation recorded (CheckReplay) holds only for the checks it ran. */
    version = 0;

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken) as MaybePromise<void>;
                if (result instanceof Promise) return result.catch(error => this.reportError(error, accept, node));
            } catch (error) {
                this.reportError(error, accept, node);
            }
            return undefined;
        };
    }

    /** What Langium's handleException does with a failed check: a diagnostic on the node, cancellation passed on. */
    private reportError(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
        if (isOperationCancelled(error)) throw error;
        const context = 'An error occurred during validation';
        console.error(`${context}:`, error);
        if (error instanceof Error && error.stack) console.error(error.stack);
        accept('error', `${context}: ${error instanceof Error ? error.message : String(error)}`, { node });
    }

    protected override addEntry(type: string, entry: Parameters<ValidationRegistry['addEntry']>[1]): void {
        this.lists.clear();
        this.version++;
        super.addEntry(type, entry);
    }

    /** The checks of a node type (and of every node) in the given categories, as one array per type. */
    checkList(type: string, categories?: ValidationCategory[]): readonly ValidationCheck[] {
        // Not a key joined per node: 280,000 nodes at 100,000 lines made as many strings to hash.
        if (categories !== this.asked.categories) this.asked = { categories, key: categories?.join(' ') ?? '' };
        let byType = this.lists.get(this.asked.key);
        if (!byType) this.lists.set(this.asked.key, byType = new Map());
        let list = byType.get(type);
        if (!list) {
            list = super.getChecks(type, categories).toArray();
            byType.set(type, list);
        }
        return list;
    }

    override getChecks(type: string, categories?: ValidationCategory[]): Stream<ValidationCheck> {
        return stream(this.checkList(type, categories));
    }
}
