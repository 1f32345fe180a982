import crypto from "node:crypto";
import type { INestApplicationContext } from "@nestjs/common";
import { FEATURE_FLAGS } from "@uslimato/domain";
import { GroupsService, UsersService } from "@uslimato/server-access";
import { AssetsService } from "@uslimato/server-assets";
import { AppError } from "@uslimato/server-core";
import { inTenant } from "@uslimato/server-data";
import { LicensingService } from "@uslimato/server-licensing";
import { TenantsService } from "@uslimato/server-tenants";
import { type Actor, asReporter, CommentsService, TicketsService } from "@uslimato/server-tickets";
import { DataSource } from "typeorm";

/**
 * `uslimato demo --tenant demo`: a living workspace for a newcomer — assets with movements, agents and
 * reporters, tickets in every state with comments and history — made through the product's services,
 * so every rule (numbers, state machine, history, links, quotas) holds as if people had clicked.
 *
 * Run again it does not fail: the tenant, license, groups and users are kept (missing ones added), and
 * the data is filled only when the tenant has no demo assets yet.
 */
/** The services the command uses beyond CliModule's. */
export const DEMO_PROVIDERS = [AssetsService, TicketsService, CommentsService];

const AGENT_PERMISSIONS = new Set(["tickets:create", "tickets:manage", "tickets:close"]);
const REPORTER_PERMISSIONS = new Set(["tickets:create"]);

const LOCATIONS = ["Berlin HQ", "Berlin HQ", "Hamburg Office", "Munich Office", "Warehouse", "Remote"];
const AGENTS = [
  ["Alex Weber", "alex"],
  ["Sam Novak", "sam"],
];
const REPORTERS = [
  ["Mia Schulz", "mia"],
  ["Jonas Becker", "jonas"],
  ["Lea Hoffmann", "lea"],
  ["Noah Fischer", "noah"],
  ["Emma Wagner", "emma"],
];
const MODELS = [
  ["Laptop", "LT", ["Dell Latitude 7440", "Lenovo ThinkPad T14", "MacBook Pro 14", "HP EliteBook 840"], 14],
  ["Monitor", "MN", ["Dell U2723QE", "LG 27UP850", "Samsung S27A600"], 10],
  ["Phone", "PH", ["iPhone 15", "Pixel 8", "Galaxy S23"], 8],
  ["Printer", "PR", ["HP LaserJet M507", "Brother HL-L6400", "Canon i-SENSYS"], 4],
  ["Dock", "DK", ["Dell WD22TB4", "Lenovo USB-C Dock"], 4],
] as const;
const PROBLEMS = [
  ["Battery drains within an hour", "Since the last update the battery lasts barely an hour."],
  ["Screen flickers", "The display flickers when the lid is moved."],
  ["Paper jam in tray 2", "Every second print job jams in tray 2."],
  ["No sound in video calls", "Colleagues cannot hear me in calls; the headset works elsewhere."],
  ["Dead pixels", "A cluster of dead pixels in the upper left corner."],
  ["Cracked display", "The phone fell; the display is cracked but works."],
  ["Dock does not charge", "The laptop does not charge through the dock any more."],
  ["Request: second monitor", "Please provide a second monitor for my desk."],
  ["Request: replacement charger", "I lost my charger on a trip."],
  ["VPN disconnects", "The VPN disconnects every few minutes on this laptop."],
] as const;
const STATES = ["open", "in_progress", "resolved", "closed", "cancelled"] as const;

export async function runDemo(app: INestApplicationContext, slug: string): Promise<string> {
  const out: string[] = [];
  const tenants = app.get(TenantsService);
  const users = app.get(UsersService);
  const groups = app.get(GroupsService);
  const dataSource = app.get(DataSource);
  const domain = `${slug}.example`;
  const adminEmail = `admin@${domain}`;

  let tenant = await tenants.unsafeTenantBySlug(slug).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  });
  let password: string | null = null;
  if (!tenant) {
    password = `Demo-${crypto.randomBytes(9).toString("base64url")}`;
    tenant = await tenants.createTenant({
      slug,
      name: "Demo Company",
      adminEmail,
      adminName: "Ada Admin",
      adminPassword: password,
    });
    out.push(`created tenant ${slug} (${tenant.id})`);
  } else {
    out.push(`tenant ${slug} exists (${tenant.id}): kept`);
  }
  const tenantId = tenant.id;
  await app.get(LicensingService).setLicense(tenantId, { active: true, flags: [...FEATURE_FLAGS] });
  out.push("ITSM license active with every flag");

  // Groups and users: what exists is kept. Everyone gets the same password (printed), except the admin.
  const userPassword = `Demo-${crypto.randomBytes(9).toString("base64url")}`;
  const groupRows: { name: string }[] = await inTenant(dataSource, tenantId, (em) =>
    em.query("select name from groups"),
  );
  const existingGroups = new Set(groupRows.map((g) => g.name));
  if (!existingGroups.has("Employees")) {
    await groups.createGroup(tenantId, { name: "Employees", permissions: ["tickets:create", "assets:read"] });
  }
  const ids = new Map<string, string>();
  let added = 0;
  const existing = await inTenant(dataSource, tenantId, (em) =>
    em.query("select id, lower(email) as email from users"),
  );
  for (const row of existing as { id: string; email: string }[]) ids.set(row.email, row.id);
  for (const [name, local, group] of [
    ...AGENTS.map(([n, l]) => [n, l, "ITSM Agent"]),
    ...REPORTERS.map(([n, l]) => [n, l, "Employees"]),
  ] as [string, string, string][]) {
    const email = `${local}@${domain}`;
    if (ids.has(email)) continue;
    const user = await users.createUser(tenantId, { email, name, password: userPassword, groups: [group] });
    ids.set(email, user.id);
    added++;
  }
  out.push(
    added > 0
      ? `users: ${added} added (agents ${AGENTS.map(([, l]) => `${l}@${domain}`).join(", ")}; reporters ${REPORTERS.map(([, l]) => `${l}@${domain}`).join(", ")}), password ${userPassword}`
      : "users: all present, kept (their password is the one printed the first time)",
  );

  const adminId = ids.get(adminEmail) as string;
  if (password) {
    // The admin works the queue too, so whoever signs in as the admin sees the whole product: assets,
    // tickets, "Report issue", settings.
    const agentGroup = (await groups.listGroups(tenantId)).find((g) => g.systemKey === "itsm_agent");
    if (agentGroup) await groups.addMember(tenantId, agentGroup.id, adminId);
  }
  const agents: Actor[] = AGENTS.map(([, l]) => ({
    tenantId,
    userId: ids.get(`${l}@${domain}`) as string,
    permissions: AGENT_PERMISSIONS,
  }));
  const reporters: Actor[] = REPORTERS.map(([, l]) => ({
    tenantId,
    userId: ids.get(`${l}@${domain}`) as string,
    permissions: REPORTER_PERMISSIONS,
  }));

  const assets = app.get(AssetsService);
  const present = await assets.list(tenantId, { q: "DEMO", limit: 1 });
  if (present.data.length > 0) {
    out.push("demo data already present: nothing added");
  } else {
    out.push(await fill(app, tenantId, adminId, agents, reporters));
  }
  out.push(
    password
      ? `sign in as ${adminEmail} with password ${password} (the admin, also an ITSM agent; agents and reporters above)`
      : `sign in as ${adminEmail} (the password printed when the tenant was created)`,
  );
  return out.join("\n");
}

async function fill(
  app: INestApplicationContext,
  tenantId: string,
  adminId: string,
  agents: Actor[],
  reporters: Actor[],
): Promise<string> {
  const assets = app.get(AssetsService);
  const tickets = app.get(TicketsService);
  const comments = app.get(CommentsService);
  const license = { active: true, flags: [...FEATURE_FLAGS] };
  const admin = { tenantId, userId: adminId };
  const people = [...reporters, ...agents];
  const created: { id: string; name: string; category: string }[] = [];
  let n = 0;
  for (const [category, prefix, models, count] of MODELS) {
    for (let i = 0; i < count; i++) {
      n++;
      const inUse = i % 5 !== 4;
      const holder = people[n % people.length] as Actor;
      const asset = await assets.create(admin, {
        name: models[i % models.length] as string,
        asset_tag: `DEMO-${prefix}-${String(i + 1).padStart(3, "0")}`,
        category,
        location: LOCATIONS[n % LOCATIONS.length] as string,
        status: inUse ? "in_use" : i % 2 ? "in_repair" : "in_stock",
        assignee_id: inUse && category !== "Printer" ? holder.userId : null,
        notes: i === 0 ? "Purchased with the 2026 hardware refresh." : "",
      });
      created.push({ id: asset.id, name: asset.name, category });
    }
  }
  // Movements: a third of the assets moved once or twice in the last months.
  let moves = 0;
  const day = 86_400_000;
  for (const [i, asset] of created.entries()) {
    if (i % 3 !== 0) continue;
    const first = LOCATIONS[(i + 2) % LOCATIONS.length] as string;
    await assets.recordMovement(admin, license, asset.id, {
      to_location: first,
      moved_at: new Date(Date.now() - (60 + i) * day).toISOString(),
      note: "Relocated with the team",
    });
    moves++;
    if (i % 2 === 0) {
      await assets.recordMovement(admin, license, asset.id, {
        to_location: "Warehouse",
        to_person_id: null,
        moved_at: new Date(Date.now() - (10 + i) * day).toISOString(),
        note: "Returned for inspection",
      });
      moves++;
    }
  }
  // Tickets in every state, most about an asset, with comments and the history their changes write.
  const movementIds = new Map<string, string>();
  for (const asset of created) {
    const list = await assets.movements(tenantId, license, asset.id);
    if (list[0]) movementIds.set(asset.id, list[0].id);
  }
  let count = 0;
  for (let i = 0; i < 25; i++) {
    const [title, description] = PROBLEMS[i % PROBLEMS.length] as readonly [string, string];
    const reporter = reporters[i % reporters.length] as Actor;
    const agent = agents[i % agents.length] as Actor;
    const asset = i % 6 === 5 ? undefined : created[(i * 7) % created.length];
    const ticket = await tickets.createTicket(reporter, license, {
      title,
      description,
      type: title.startsWith("Request") ? "service_request" : "incident",
      assetId: asset?.id,
      movementId: asset && i % 4 === 0 ? movementIds.get(asset.id) : undefined,
    });
    count++;
    const state = STATES[i % STATES.length] as (typeof STATES)[number];
    if (state === "cancelled") {
      await tickets.changeTicket(agent, ticket.id, {
        status: "cancelled",
        reason: "Duplicate of an earlier report.",
      });
      continue;
    }
    if (state === "open") continue;
    await tickets.changeTicket(agent, ticket.id, {
      assigneeId: agent.userId,
      priority: i % 3 ? "medium" : "high",
    });
    await comments.addComment(agent, ticket.id, {
      body: "Thanks, I am looking into it.",
      visibility: "external",
    });
    await comments.addComment(agent, ticket.id, {
      body: "Checked the asset history: no earlier repair.",
      visibility: "internal",
    });
    if (state === "in_progress") continue;
    await tickets.changeTicket(agent, ticket.id, {
      status: "resolved",
      comment: "Fixed: replaced the part. Please confirm.",
    });
    if (state === "closed") await tickets.changeTicket(asReporter(reporter), ticket.id, { status: "closed" });
  }
  return `filled: ${created.length} assets, ${moves} movements, ${count} tickets (open, in progress, resolved, closed, cancelled) with comments and history`;
}
