// Types of the generated module beside this file (build/worker-runtime.mjs writes it).
/** Each curated package's files (path inside the package → text), vendored from node_modules. */
export declare const CURATED_FILES: Record<string, { version: string; files: Record<string, string> }>;
