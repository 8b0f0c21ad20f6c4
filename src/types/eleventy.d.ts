// Eleventy 3 ships JSDoc-typed JavaScript, not declarations: these are the few parts Dossier uses.
declare module '@11ty/eleventy' {
  export interface UserConfig {
    globalData: Record<string, unknown>;
    addGlobalData(name: string, data: unknown): void;
    addFilter(name: string, fn: (this: { page?: { url?: string } }, ...args: never[]) => unknown): void;
    addPlugin(plugin: (config: UserConfig) => void): void;
    addPassthroughCopy(map: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    setServerOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    on(event: string, fn: (...args: unknown[]) => unknown): void;
  }
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    config?: (config: UserConfig) => void | Promise<void>;
    runMode?: 'build' | 'serve' | 'watch';
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    executeBuild(): Promise<unknown>;
  }
  export default Eleventy;
}
