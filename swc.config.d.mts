export declare function swcOptions(): Record<string, unknown>;
