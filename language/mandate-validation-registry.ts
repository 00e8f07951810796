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
    private readonly lists = new Map<string, readonly ValidationCheck[]>();
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
        const key = categories ? `${type} ${categories.join(' ')}` : type;
        let list = this.lists.get(key);
        if (!list) {
            list = super.getChecks(type, categories).toArray();
            this.lists.set(key, list);
        }
        return list;
    }

    override getChecks(type: string, categories?: ValidationCategory[]): Stream<ValidationCheck> {
        return stream(this.checkList(type, categories));
    }
}
