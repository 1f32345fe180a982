import { type DynamicModule, Global, Inject, Module } from "@nestjs/common";
import type { Config } from "./config.ts";

const CONFIG = Symbol("uslimato:config");

/** Inject the process's configuration: `constructor(@InjectConfig() config: Config)`. */
export const InjectConfig = () => Inject(CONFIG);

/** The configuration read once at start (loadConfig) for every module of the process. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Config): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}
