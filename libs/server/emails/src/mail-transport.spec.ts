import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, test } from "@jest/globals";
import { type ReceivedMail, SmtpSink } from "@uslimato/server-testing";
import { simpleParser } from "mailparser";
import { createMailTransport, mailDir, senderAddress } from "./mail-transport.ts";

const mail = {
  to: "robin@acme.test",
  subject: "[TKT-000001] Printer",
  html: "<p>Hello &amp; welcome</p>",
  text: "Hello & welcome",
};

describe("the mail transport", () => {
  let sink: SmtpSink;
  let dir = "";
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "usl-mail-"));
    sink = await new SmtpSink().start();
  });
  afterAll(async () => {
    await sink.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("with SMTP_URL: a multipart mail with both parts reaches the SMTP server", async () => {
    const transport = createMailTransport({
      smtpUrl: sink.url,
      dataDir: dir,
      publicUrl: "https://desk.acme.test",
    });
    try {
      const { messageId } = await transport.send(mail);
      assert.match(messageId, /@/);
    } finally {
      transport.close();
    }
    assert.equal(sink.received.length, 1);
    const got = sink.received[0] as ReceivedMail;
    assert.equal(got.subject, mail.subject);
    assert.equal(got.text.trim(), mail.text);
    assert.equal(got.html, mail.html);
    assert.equal(got.from[0]?.address, "no-reply@desk.acme.test");
    assert.equal(fs.existsSync(mailDir({ dataDir: dir })), false);
  });

  test("MAIL_FROM sets the sender; a malformed one stops the process at start with the reason", async () => {
    const transport = createMailTransport({
      smtpUrl: sink.url,
      dataDir: dir,
      publicUrl: "https://desk.acme.test",
      mailFrom: "Acme IT Service Desk <itsm@acme.test>",
    });
    try {
      await transport.send({ ...mail, subject: "from MAIL_FROM" });
    } finally {
      transport.close();
    }
    const got = sink.received.find((m) => m.subject === "from MAIL_FROM");
    assert.deepEqual(got?.from, [{ address: "itsm@acme.test", name: "Acme IT Service Desk" }]);
    assert.equal(
      senderAddress({ publicUrl: "https://x.test", mailFrom: "itsm@acme.test" }),
      "itsm@acme.test",
    );
    for (const bad of ["not an address", "a@x.test, b@x.test", "Desk <>"]) {
      assert.throws(
        () =>
          createMailTransport({
            smtpUrl: undefined,
            dataDir: dir,
            publicUrl: "http://x.test",
            mailFrom: bad,
          }),
        /MAIL_FROM must be one email address/,
        bad,
      );
    }
  });

  test("without SMTP_URL: one complete .eml file per mail under DATA_DIR/mail", async () => {
    const transport = createMailTransport({
      smtpUrl: undefined,
      dataDir: dir,
      publicUrl: "http://localhost:3000",
    });
    await transport.send(mail);
    await transport.send({ ...mail, to: "alex@acme.test" });
    transport.close();
    const files = fs.readdirSync(mailDir({ dataDir: dir })).sort();
    assert.equal(files.length, 2);
    assert.ok(
      files.every((f) => f.endsWith(".eml")),
      files.join(),
    );
    const parsed = await simpleParser(
      fs.readFileSync(path.join(mailDir({ dataDir: dir }), files[0] as string)),
    );
    assert.equal(parsed.subject, mail.subject);
    assert.equal(parsed.html, mail.html);
    assert.equal(parsed.text?.trim(), mail.text);
  });
});
