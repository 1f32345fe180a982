import assert from "node:assert/strict";
import { describe, test } from "@jest/globals";
import { TICKET_EVENTS } from "@uslimato/domain";
import { BUILTIN_TEMPLATES } from "./builtin-templates.ts";
import { placeholdersFor, sampleView } from "./placeholders.ts";
import { renderTemplate, singleLine, templateProblems } from "./templates.ts";

const ok = {
  subject: "[{{ticket_number}}] {{ticket_title}}",
  html: "<p>{{ticket_title}}</p>",
  text: "{{ticket_title}}",
};

describe("template validation", () => {
  test("every built-in template is valid and uses only its event's placeholders", () => {
    for (const event of TICKET_EVENTS) {
      assert.deepEqual(templateProblems(event, BUILTIN_TEMPLATES[event]), [], event);
    }
    // The resolved mail carries the links; others may not name them.
    assert.match(BUILTIN_TEMPLATES["ticket.resolved"].html, /\{\{confirm_url\}\}.*\{\{reject_url\}\}/s);
    assert.match(BUILTIN_TEMPLATES["ticket.resolved"].text, /\{\{confirm_url\}\}/);
    assert.deepEqual(templateProblems("ticket.closed", { ...ok, text: "{{confirm_url}}" }), [
      {
        field: "text",
        kind: "invalid",
        message: `uses the unknown placeholder {{confirm_url}}; allowed are ${placeholdersFor("ticket.closed")
          .map((p) => `{{${p}}}`)
          .join(", ")}`,
      },
    ]);
  });

  test("an unknown placeholder is named, in values and in sections", () => {
    const [problem] = templateProblems("ticket.created", { ...ok, html: "<p>{{ticket_owner}}</p>" });
    assert.equal(problem?.field, "html");
    assert.match(problem?.message ?? "", /unknown placeholder \{\{ticket_owner\}\}/);
    const [nested] = templateProblems("ticket.created", {
      ...ok,
      subject: "{{#assignee_name}}{{password}}{{/assignee_name}}",
    });
    assert.match(nested?.message ?? "", /\{\{password\}\}/);
    assert.equal(nested?.field, "subject");
  });

  test("unbalanced braces and sections are refused", () => {
    for (const html of [
      "<p>{{ticket_title</p>",
      "<p>ticket_title}}</p>",
      "{{#assignee_name}}open section",
      "{{/assignee_name}}",
      "{{#assignee_name}}x{{/reporter_name}}",
    ]) {
      const problems = templateProblems("ticket.created", { ...ok, html });
      assert.equal(problems.length, 1, html);
      assert.equal(problems[0]?.field, "html");
      assert.match(problems[0]?.message ?? "", /unbalanced/, html);
    }
  });

  test("no unescaped values in the HTML part, no partials, no delimiter changes", () => {
    assert.match(
      templateProblems("ticket.created", { ...ok, html: "{{{ticket_title}}}" })[0]?.message ?? "",
      /without HTML escaping/,
    );
    assert.match(
      templateProblems("ticket.created", { ...ok, html: "{{&ticket_title}}" })[0]?.message ?? "",
      /without HTML escaping/,
    );
    // The text part is never escaped, so the triple form is harmless there.
    assert.deepEqual(templateProblems("ticket.created", { ...ok, text: "{{{ticket_title}}}" }), []);
    assert.match(
      templateProblems("ticket.created", { ...ok, text: "{{> footer}}" })[0]?.message ?? "",
      /partial/,
    );
    assert.match(
      templateProblems("ticket.created", { ...ok, text: "{{=<% %>=}}" })[0]?.message ?? "",
      /delimiters/,
    );
  });

  test("size limits and empty parts", () => {
    const huge = "x".repeat(1024 * 1024);
    const problems = templateProblems("ticket.created", { subject: "s".repeat(501), html: huge, text: "" });
    assert.deepEqual(
      problems.map((p) => [p.field, p.kind]),
      [
        ["subject", "too_large"],
        ["html", "too_large"],
        ["text", "invalid"],
      ],
    );
    assert.deepEqual(templateProblems("ticket.created", { ...ok, html: "x".repeat(100_000) }), []);
  });
});

describe("rendering", () => {
  const hostile = {
    ticket_number: "TKT-000001",
    ticket_title: 'Bcc: victim@evil.test\r\nX-Injected: yes <script>alert("x")</script>',
    reporter_name: "Ann & Bob",
    comment_body: "<img src=x onerror=alert(1)>\nsecond line",
  };

  test("HTML escapes values, the text part keeps them as typed, the subject stays one line", () => {
    const out = renderTemplate(
      {
        subject: "[{{ticket_number}}] {{ticket_title}}",
        html: "<h1>{{ticket_title}}</h1><p>{{comment_body}}</p><p>{{reporter_name}}</p>",
        text: "{{ticket_title}}\n{{comment_body}}",
      },
      hostile,
    );
    assert.equal(
      out.subject,
      '[TKT-000001] Bcc: victim@evil.test X-Injected: yes <script>alert("x")</script>',
    );
    assert.doesNotMatch(out.subject, /[\r\n]/);
    assert.ok(!out.html.includes("<script>"), out.html);
    assert.ok(!out.html.includes("<img"), out.html);
    assert.match(
      out.html,
      /&lt;script&gt;alert\(&quot;x&quot;\)&lt;&#x2F;script&gt;|&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/,
    );
    assert.match(out.html, /Ann &amp; Bob/);
    assert.ok(out.text.includes("<img src=x onerror=alert(1)>\nsecond line"));
  });

  test("singleLine removes every control character and caps the length", () => {
    assert.equal(singleLine("a\r\nb\tc\u0000d\u2028e\u0085f"), "a b c d e f");
    assert.equal(singleLine(" \r\n "), "(no subject)");
    const long = singleLine("x".repeat(1000));
    assert.equal(long.length, 250);
    assert.ok(long.endsWith("…"));
  });

  test("every built-in template renders both parts with the sample, links only in the resolved mail", () => {
    for (const event of TICKET_EVENTS) {
      const out = renderTemplate(BUILTIN_TEMPLATES[event], sampleView(event, "https://desk.example.test/"));
      assert.match(out.subject, /^\[TKT-000042\] /, event);
      assert.match(out.html, /^<!DOCTYPE html>/, event);
      assert.match(out.html, /The printer on floor 3 prints blank pages/, event);
      assert.match(out.text, /TKT-000042/, event);
      assert.doesNotMatch(out.html, /\{\{|\}\}/, event);
      assert.doesNotMatch(out.text, /\{\{|\}\}|</, event);
      // No remote images, no scripts: clients block the one and strip the other.
      assert.doesNotMatch(out.html, /<img|<script|url\(/i, event);
      const links = out.html.includes("https://desk.example.test/ticket-actions/example-confirm-link");
      assert.equal(links, event === "ticket.resolved", event);
    }
    const comment = renderTemplate(
      BUILTIN_TEMPLATES["ticket.comment_added"],
      sampleView("ticket.comment_added", "http://x"),
    );
    assert.match(comment.text, /We replaced the toner cartridge/);
    const unassigned = renderTemplate(BUILTIN_TEMPLATES["ticket.created"], {
      ...sampleView("ticket.created", "http://x"),
      assignee_name: "",
    });
    assert.match(unassigned.text, /Assignee: Unassigned/);
  });
});
