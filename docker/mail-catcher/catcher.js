// An SMTP catcher for trying a deployment out (docker/compose.yml): accepts every mail on :1025, keeps
// the last 1,000 in memory and lists them at http://…:8025/ (JSON at /messages). Not for production.
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const messages = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.unshift({
          receivedAt: new Date().toISOString(),
          from: mail.from?.text ?? "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
        });
        messages.length = Math.min(messages.length, 1000);
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(1025, "0.0.0.0");

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
http
  .createServer((req, res) => {
    if (req.url === "/messages") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify(messages));
    }
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'",
    });
    res.end(
      `<!doctype html><title>Mail catcher</title><h1>${messages.length} mail(s)</h1>` +
        messages
          .map(
            (m) =>
              `<h2>${escapeHtml(m.subject)}</h2><p>${escapeHtml(m.to.join(", "))} · ${m.receivedAt}</p><pre>${escapeHtml(m.text)}</pre>`,
          )
          .join(""),
    );
  })
  .listen(8025, "0.0.0.0");
process.on("SIGTERM", () => process.exit(0));
