import { Cancellation } from 'langium';

/** The answer to a request that waited for a build that failed. */
export class BuildFailedError extends Error {
    constructor(cause: string) {
        super(`Mandate could not check the workspace (${cause}); the Mandate output has the details. Editing or saving a policy file checks it again.`);
        this.name = 'BuildFailedError';
    }
}

/**
 * Whether the last build or update failed, and the requests waiting for it. Langium's waits for
 * a workspace or document state end only when a build reaches that state: after a build that
 * failed, none does until the next update, and a rename, a highlight or a code action waiting for
 * one was never answered (the stdio fuzz, seed 4622, where every build failed on one document).
 * Such a wait is now answered with the failure, and so is one that starts before the next build.
 */
export class BuildFailure {
    private cause: string | undefined;
    private readonly waiting = new Set<(error: BuildFailedError) => void>();

    /** A build or update starts: it may reach the states the failed one did not. */
    started(): void {
        this.cause = undefined;
    }

    /** A build or update failed (not cancelled): its waits are answered with the failure. */
    failed(error: unknown): void {
        this.cause = error instanceof Error ? error.message : String(error);
        const failure = new BuildFailedError(this.cause);
        for (const fail of [...this.waiting]) fail(failure);
    }

    /**
     * `wait` (given a token this can cancel), ended with the failure if the build it waits for fails,
     * or at once if the last build failed. `reached` says whether the state waited for is reached
     * already: such a wait is answered as Langium would, whatever failed after.
     */
    guard<T>(reached: boolean, cancelToken: Cancellation.CancellationToken, wait: (token: Cancellation.CancellationToken) => Promise<T>): Promise<T> {
        if (reached) return wait(cancelToken);
        if (this.cause !== undefined) return Promise.reject(new BuildFailedError(this.cause));
        const source = new Cancellation.CancellationTokenSource();
        const forwarded = cancelToken.onCancellationRequested(() => source.cancel());
        return new Promise<T>((resolve, reject) => {
            const fail = (error: BuildFailedError) => {
                reject(error);
                source.cancel(); // ends Langium's wait, which would otherwise listen until a later build
            };
            this.waiting.add(fail);
            wait(source.token).then(resolve, reject).finally(() => {
                this.waiting.delete(fail);
                forwarded.dispose();
                source.dispose();
            });
        });
    }
}
