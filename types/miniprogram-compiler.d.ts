/** WeChat's wcc/wcsc wrapper (a dependency of miniprogram-simulate), used by tests/weapp. */
declare module 'miniprogram-compiler' {
  interface CompilerOptions {
    maxBuffer?: number;
    wxmlList?: string[];
    wxsList?: string[];
    wxssList?: string[];
    cut?: boolean;
  }
  /** Source of a function body returning $gwx; throws "编译 .wxml 文件错误：…" on a template error. */
  export function wxmlToJs(rootPath: string, options?: CompilerOptions): string;
  export function wxssToJs(rootPath: string, options?: CompilerOptions): string;
}
