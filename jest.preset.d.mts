import type { Config } from "jest";

export declare const preset: Config;
