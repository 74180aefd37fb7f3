/** Types of config/aliases.js (plain CommonJS so jest configs can require it). */
export declare const aliasFolders: Record<string, string>;
export declare const webpackAliases: Record<string, string>;
export declare const jestModuleNameMapper: Record<string, string>;
export declare const tsconfigPaths: Record<string, string[]>;
