// Types of the generated module beside this file (build/worker-runtime.mjs writes it).
/** The bundled worker runtime: a script defining `__lambdaLabRuntime.start(glue)`. */
export declare const WORKER_RUNTIME: string;
