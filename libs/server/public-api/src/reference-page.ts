/**
 * The readable API reference at /public/v1/docs: plain HTML rendered on the server from the OpenAPI
 * document itself (no scripts, nothing fetched), so it can never disagree with it.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  example?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema; description?: string };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
export interface OpenApiDocumentLike {
  info?: { title?: string; version?: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const esc = (s: unknown) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
/** Escaped text with `code` spans. */
const text = (s: unknown) => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");
const anchor = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function typeOf(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop() ?? "";
    return `<a href="#schema-${anchor(name)}">${esc(name)}</a>`;
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeOf).join(" | ");
  if (schema.enum) return schema.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(" | ");
  if (schema.const !== undefined) return `<code>${esc(JSON.stringify(schema.const))}</code>`;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "any"];
  return types
    .map((t) => {
      if (t === "array") return `${typeOf(schema.items)}[]`;
      if (t === "object" && schema.properties) return "object";
      return esc(schema.format && t !== "null" ? `${t} (${schema.format})` : t);
    })
    .join(" | ");
}

function limits(schema: Schema | undefined): string {
  if (!schema) return "";
  const parts: string[] = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined)
    parts.push(`${schema.minimum}–${schema.maximum}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.length ? ` <span class="dim">(${esc(parts.join(", "))})</span>` : "";
}

function fieldsTable(schema: Schema | undefined, components: Record<string, Schema>): string {
  const resolved = schema?.$ref ? components[schema.$ref.split("/").pop() ?? ""] : schema;
  if (!resolved?.properties) return `<p>${typeOf(schema)}</p>`;
  const required = new Set(resolved.required ?? []);
  const rows = Object.entries(resolved.properties).map(
    ([name, s]) =>
      `<tr><td><code>${esc(name)}</code>${required.has(name) ? "" : ' <span class="dim">optional</span>'}</td><td>${typeOf(s)}${limits(s)}</td><td>${text(s.description)}</td></tr>`,
  );
  return `<table><tr><th>field</th><th>type</th><th></th></tr>${rows.join("")}</table>`;
}

function operation(method: string, path: string, op: Operation, components: Record<string, Schema>): string {
  const params = op.parameters ?? [];
  const body = op.requestBody?.content?.["application/json"]?.schema;
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => {
    const schema = Object.values(r.content ?? {})[0]?.schema;
    return `<li><b>${esc(status)}</b> ${schema ? typeOf(schema) : ""} — ${text(r.description)}</li>`;
  });
  return `<section class="op" id="${anchor(`${method} ${path}`)}">
<h3><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code> — ${esc(op.summary)}</h3>
<p>${text(op.description)}</p>
${
  params.length
    ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th></th></tr>${params
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code>${p.required ? "" : ' <span class="dim">optional</span>'}</td><td>${esc(p.in)}</td><td>${typeOf(p.schema)}${limits(p.schema)}</td><td>${text(p.description ?? p.schema?.description)}</td></tr>`,
        )
        .join("")}</table>`
    : ""
}
${body ? `<h4>Body (application/json)</h4>${fieldsTable(body, components)}` : ""}
<h4>Responses</h4><ul>${responses.join("")}</ul>
</section>`;
}

export function referencePage(doc: OpenApiDocumentLike): string {
  const components = doc.components?.schemas ?? {};
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, op })),
  );
  const sections = (doc.tags ?? []).map(
    (tag) => `<h2 id="${anchor(tag.name)}">${esc(tag.name)}</h2><p>${text(tag.description)}</p>
${ops
  .filter((o) => o.op.tags?.includes(tag.name))
  .map((o) => operation(o.method, o.path, o.op, components))
  .join("\n")}`,
  );
  const schemas = Object.entries(components).map(
    ([name, s]) =>
      `<section id="schema-${anchor(name)}"><h3>${esc(name)}</h3><p>${text(s.description)}</p>${fieldsTable(s, components)}</section>`,
  );
  const toc = ops
    .map(
      (o) =>
        `<li><a href="#${anchor(`${o.method} ${o.path}`)}"><span class="method">${esc(o.method.toUpperCase())}</span> ${esc(o.path)}</a> ${esc(o.op.summary)}</li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info?.title)} — reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e}
code{font:13px ui-monospace,monospace;background:#f1f3f5;padding:0 .25em;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border-bottom:1px solid #dee2e6;padding:.3rem .5rem;text-align:left;vertical-align:top}
.op{border-top:2px solid #e9ecef;margin-top:1.5rem}.method{font-weight:700;color:#1864ab}.dim{color:#5c5f66;font-size:90%}
</style></head><body>
<h1>${esc(doc.info?.title)} <span class="dim">${esc(doc.info?.version)}</span></h1>
${(doc.info?.description ?? "")
  .split("\n\n")
  .map((p) => `<p>${text(p)}</p>`)
  .join("\n")}
<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<h2>Operations</h2><ul>${toc}</ul>
${sections.join("\n")}
<h2>Schemas</h2>
${schemas.join("\n")}
</body></html>`;
}
