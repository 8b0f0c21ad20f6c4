// Types of bin/compile.js, for the tests that import it.
export declare const ROOT: string;
export declare const ENTRIES: Readonly<Record<'cli' | 'eleventy' | 'worker', string>>;
export declare function sourceHash(root?: string): string;
export declare function compiled(root?: string): Promise<string>;
