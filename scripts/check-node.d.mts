// Types for check-node.mjs, which stays plain JavaScript so that it runs on any Node.
export declare function requiredMajor(enginesRange: string | undefined): number | null;
export declare function nodeVersionProblem(runningVersion: string, enginesRange: string | undefined): string | null;
