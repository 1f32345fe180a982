import { Injectable } from "@nestjs/common";
import { ServerSecret, unscoped } from "@uslimato/server-data";
import { DataSource } from "typeorm";
import { CursorSigner } from "./cursor.ts";

/** The cursor signer of this process, keyed with the secret every server process shares. */
@Injectable()
export class CursorService {
  private signer: Promise<CursorSigner> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  cursors(): Promise<CursorSigner> {
    this.signer ??= this.unsafeCursorSecret().then((secret) => new CursorSigner(secret));
    this.signer.catch(() => {
      this.signer = undefined; // a failed read is tried again by the next request
    });
    return this.signer;
  }

  /** The shared secret (created by the Public API migration); server_secrets is no tenant table. */
  private async unsafeCursorSecret(): Promise<string> {
    const row = await unscoped(this.dataSource, (em) => em.findOneBy(ServerSecret, { name: "cursor" }), {
      readOnly: true,
    });
    if (!row) throw new Error("server_secrets has no 'cursor' row: the PublicApi migration did not run");
    return row.value;
  }
}
