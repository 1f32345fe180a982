import { Module } from "@nestjs/common";

/** Being ported from server/src (issue 8). */
@Module({})
export class TenantsModule {}
