import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, jest, test } from "@jest/globals";
import { Controller, Get, Module, RequestMethod } from "@nestjs/common";
import { METHOD_METADATA, PATH_METADATA } from "@nestjs/common/constants.js";
import { DiscoveryService, MetadataScanner, NestFactory } from "@nestjs/core";
import { FastifyAdapter, type NestFastifyApplication } from "@nestjs/platform-fastify";
import type { Permission } from "@uslimato/domain";
import { Access } from "@uslimato/server-core";
import { signActionLink, type TicketAction } from "@uslimato/server-emails";
import type { FastifyInstance } from "fastify";
import { AppModule } from "../src/app.module.ts";
import { WEB_DIST } from "../src/web-app.controller.ts";
import { Client, makeTenant, PASSWORD, signedIn, startTestApp, type TestApp } from "./helpers.ts";

jest.setTimeout(120_000);

/**
 * Tenant B attacks tenant A, over every route the app registers (/api, /public, the health checks and
 * the web app's catch-all):
 *   1. anonymous → 401;  2. a tenant user without the permission → 403 (operator routes: 401);
 *   3. tenant B's admin (or B's API key, on Public API routes) on tenant A's resource ids → 404, and
 *      never a byte of A's data in any body.
 * MATRIX below must name every route the app registers: a new route without an entry fails the
 * "every route is covered" test, which prints the missing entries.
 */

/** "api-key": a Public API route (Authorization: Bearer); a session cookie alone gets 401. */
type Need = "public" | "signed-in" | "operator" | "api-key" | Permission;

interface Attack {
  method?: string;
  url: string;
  body?: unknown;
  status: number;
  /**
   * "forged": B's session secret presented with A's tenant id in the cookie; "key": B's API key
   * (tickets:read, tickets:write and assets:read, owned by B's admin). Default: B's admin's session.
   */
  as?: "admin" | "forged" | "key";
}

interface Entry {
  need: Need;
  /** The route called with tenant A's ids and a valid body (for the anonymous and no-permission calls). */
  call(w: World): { url: string; body?: unknown };
  /** Tenant B's attempts on tenant A, or why there is nothing of A's to reach through the route. */
  attacks: ((w: World) => Attack[]) | { none: string };
}

interface Side {
  id: string;
  slug: string;
  name: string;
  adminEmail: string;
  adminId: string;
  admin: Client;
  memberId: string;
  memberEmail: string;
  teamId: string;
  agentGroupId: string;
  adminGroupId: string;
  /** A ticket reported by the admin (an ITSM agent), with an internal note. */
  ticketId: string;
  ticketNumber: string;
  /** An API key of the tenant (Settings → API keys). */
  apiKeyId: string;
  ticketTitle: string;
  noteBody: string;
  /** An asset with one movement; the ticket above is linked to both. */
  assetId: string;
  assetTag: string;
  assetName: string;
  movementId: string;
}
interface World {
  a: Side;
  b: Side;
}

const noBody = (url: string) => () => ({ url });

/** A valid email template (Settings → ITSM → Email templates). */
const TEMPLATE = {
  subject: "[{{ticket_number}}] closed",
  html: "<p>{{ticket_title}}</p>",
  text: "{{ticket_title}}",
};
/** A confirm/reject link for A's ticket that B made up: well-formed, signed with a key B guessed. */
const forgedLink = (w: World, action: TicketAction = "confirm") =>
  signActionLink(
    { tenantId: w.a.id, ticketId: w.a.ticketId, action, expiresAt: new Date(Date.now() + 86_400_000) },
    "a guessed key",
  );

const MATRIX: Record<string, Entry> = {
  "POST /api/auth/sign-in": {
    need: "public",
    call: (w) => ({ url: "/api/auth/sign-in", body: { email: w.a.adminEmail, password: "wrong password!" } }),
    attacks: (w) => [
      // B's admin naming workspace A: no such user there.
      {
        url: "/api/auth/sign-in",
        body: { email: w.b.adminEmail, password: PASSWORD, tenant: w.a.slug },
        status: 401,
      },
    ],
  },
  "POST /api/auth/sign-out": {
    need: "signed-in",
    call: noBody("/api/auth/sign-out"),
    attacks: () => [{ url: "/api/auth/sign-out", status: 401, as: "forged" }],
  },
  "GET /api/session": {
    need: "signed-in",
    call: noBody("/api/session"),
    attacks: () => [
      { url: "/api/session", status: 200 },
      { url: "/api/session", status: 401, as: "forged" },
    ],
  },
  "GET /api/users": {
    need: "users:manage",
    call: noBody("/api/users"),
    attacks: () => [{ url: "/api/users", status: 200 }],
  },
  "POST /api/users": {
    need: "users:manage",
    call: (w) => ({
      url: "/api/users",
      body: { email: `new@${w.a.slug}.test`, name: "N", password: PASSWORD },
    }),
    // Creates B's user; A's users are unchanged (checked at the end).
    attacks: () => [
      { url: "/api/users", body: { email: "twin@b.test", name: "Twin", password: PASSWORD }, status: 201 },
    ],
  },
  "PATCH /api/users/:id": {
    need: "users:manage",
    call: (w) => ({ url: `/api/users/${w.a.memberId}`, body: { name: "Renamed" } }),
    attacks: (w) => [
      { url: `/api/users/${w.a.memberId}`, body: { name: "Pwned" }, status: 404 },
      { url: `/api/users/${w.a.adminId}`, body: { active: false }, status: 404 },
    ],
  },
  "GET /api/permissions": {
    need: "users:manage",
    call: noBody("/api/permissions"),
    attacks: () => [{ url: "/api/permissions", status: 200 }],
  },
  "GET /api/groups": {
    need: "users:manage",
    call: noBody("/api/groups"),
    attacks: () => [{ url: "/api/groups", status: 200 }],
  },
  "POST /api/groups": {
    need: "users:manage",
    call: () => ({ url: "/api/groups", body: { name: "New group", permissions: [] } }),
    attacks: () => [
      { url: "/api/groups", body: { name: "Team", permissions: ["assets:read"] }, status: 201 },
    ],
  },
  "PATCH /api/groups/:id": {
    need: "users:manage",
    call: (w) => ({ url: `/api/groups/${w.a.teamId}`, body: { name: "Renamed" } }),
    attacks: (w) => [
      { url: `/api/groups/${w.a.teamId}`, body: { name: "Pwned" }, status: 404 },
      { url: `/api/groups/${w.a.adminGroupId}`, body: { permissions: [] }, status: 404 },
      { url: `/api/groups/${w.a.agentGroupId}`, body: { permissions: ["tickets:manage"] }, status: 404 },
    ],
  },
  "DELETE /api/groups/:id": {
    need: "users:manage",
    call: (w) => ({ url: `/api/groups/${w.a.teamId}` }),
    attacks: (w) => [{ url: `/api/groups/${w.a.teamId}`, status: 404 }],
  },
  "PUT /api/groups/:id/members/:userId": {
    need: "users:manage",
    call: (w) => ({ url: `/api/groups/${w.a.teamId}/members/${w.a.adminId}` }),
    attacks: (w) => [
      { url: `/api/groups/${w.a.adminGroupId}/members/${w.a.memberId}`, status: 404 },
      // B's own group with A's user, and A's group with B's user.
      { url: `/api/groups/${w.b.adminGroupId}/members/${w.a.memberId}`, status: 404 },
      { url: `/api/groups/${w.a.adminGroupId}/members/${w.b.memberId}`, status: 404 },
    ],
  },
  "DELETE /api/groups/:id/members/:userId": {
    need: "users:manage",
    call: (w) => ({ url: `/api/groups/${w.a.teamId}/members/${w.a.memberId}` }),
    attacks: (w) => [
      { url: `/api/groups/${w.a.teamId}/members/${w.a.memberId}`, status: 404 },
      { url: `/api/groups/${w.b.teamId}/members/${w.a.memberId}`, status: 404 },
      { url: `/api/groups/${w.a.teamId}/members/${w.b.memberId}`, status: 404 },
    ],
  },
  // Settings → API keys. Tenant B's attacks on tenant A's keys; the Public API itself (B's key on A's
  // tickets) below.
  "GET /api/api-keys": {
    need: "settings:manage",
    call: noBody("/api/api-keys"),
    attacks: () => [{ url: "/api/api-keys", status: 200 }],
  },
  "GET /api/api-keys/owners": {
    need: "settings:manage",
    call: noBody("/api/api-keys/owners"),
    attacks: () => [{ url: "/api/api-keys/owners", status: 200 }],
  },
  "POST /api/api-keys": {
    need: "settings:manage",
    call: () => ({ url: "/api/api-keys", body: { name: "K", scopes: ["tickets:read"] } }),
    attacks: (w) => [
      // A key acting as A's user: not a user of B.
      {
        url: "/api/api-keys",
        body: { name: "K", scopes: ["tickets:read"], owner_id: w.a.adminId },
        status: 422,
      },
    ],
  },
  "POST /api/api-keys/:id/revoke": {
    need: "settings:manage",
    call: (w) => ({ url: `/api/api-keys/${w.a.apiKeyId}/revoke` }),
    attacks: (w) => [{ url: `/api/api-keys/${w.a.apiKeyId}/revoke`, status: 404 }],
  },
  "GET /api/api-keys/usage": {
    need: "settings:manage",
    call: noBody("/api/api-keys/usage"),
    attacks: () => [{ url: "/api/api-keys/usage?days=366", status: 200 }],
  },
  "GET /api/api-keys/usage.csv": {
    need: "settings:manage",
    call: noBody("/api/api-keys/usage.csv"),
    attacks: () => [{ url: "/api/api-keys/usage.csv", status: 200 }],
  },
  "GET /public/v1/openapi.json": {
    need: "public",
    call: noBody("/public/v1/openapi.json"),
    attacks: { none: "the same generated document for everyone; it holds no tenant data" },
  },
  "GET /public/v1/docs": {
    need: "public",
    call: noBody("/public/v1/docs"),
    attacks: { none: "the reference page rendered from the same document; no tenant data" },
  },
  // The Public API: B's key on A's tickets (by id and by number) is a 404, its lists only ever show B's
  // tickets, and B's admin's session cookie opens none of it (Bearer keys only). public-api.spec.ts
  // checks the same against the OpenAPI document.
  "GET /public/v1/tickets": {
    need: "api-key",
    call: (w) => ({ url: `/public/v1/tickets?q=${w.a.ticketNumber}` }),
    attacks: (w) => [
      { url: "/public/v1/tickets", status: 401 },
      { url: "/public/v1/tickets", status: 200, as: "key" },
      { url: `/public/v1/tickets?q=${w.a.ticketNumber}`, status: 200, as: "key" },
      { url: `/public/v1/tickets?q=${encodeURIComponent(w.a.ticketTitle)}`, status: 200, as: "key" },
      { url: `/public/v1/tickets?reporter=${w.a.adminId}`, status: 200, as: "key" },
      { url: `/public/v1/tickets?assignee=${w.a.adminId}`, status: 200, as: "key" },
    ],
  },
  "POST /public/v1/tickets": {
    need: "api-key",
    call: () => ({ url: "/public/v1/tickets", body: { title: "T", description: "", type: "incident" } }),
    attacks: (w) => [
      {
        url: "/public/v1/tickets",
        body: { title: "T", description: "", type: "incident", asset_id: w.a.assetId },
        status: 422,
        as: "key",
      },
      { url: "/public/v1/tickets", body: { title: "T", description: "", type: "incident" }, status: 401 },
      // Filing for A's user: not a user of B.
      {
        url: "/public/v1/tickets",
        body: { title: "T", description: "", type: "incident", reporter_email: w.a.memberEmail },
        status: 422,
        as: "key",
      },
    ],
  },
  "GET /public/v1/tickets/:id": {
    need: "api-key",
    call: (w) => ({ url: `/public/v1/tickets/${w.a.ticketId}` }),
    attacks: (w) => [
      { url: `/public/v1/tickets/${w.b.ticketId}`, status: 401 },
      { url: `/public/v1/tickets/${w.a.ticketId}`, status: 404, as: "key" },
      { url: `/public/v1/tickets/${w.a.ticketNumber}`, status: 404, as: "key" },
    ],
  },
  "PATCH /public/v1/tickets/:id": {
    need: "api-key",
    call: (w) => ({ url: `/public/v1/tickets/${w.a.ticketId}`, body: { title: "Pwned" } }),
    attacks: (w) => [
      { url: `/public/v1/tickets/${w.a.ticketId}`, body: { title: "Pwned" }, status: 401 },
      { url: `/public/v1/tickets/${w.a.ticketId}`, body: { title: "Pwned" }, status: 404, as: "key" },
      {
        url: `/public/v1/tickets/${w.a.ticketNumber}`,
        body: { status: "cancelled", reason: "x" },
        status: 404,
        as: "key",
      },
      // B's own ticket assigned to A's agent: not an agent of B.
      {
        url: `/public/v1/tickets/${w.b.ticketId}`,
        body: { assignee_email: w.a.adminEmail },
        status: 422,
        as: "key",
      },
    ],
  },
  "GET /public/v1/tickets/:id/comments": {
    need: "api-key",
    call: (w) => ({ url: `/public/v1/tickets/${w.a.ticketId}/comments` }),
    attacks: (w) => [
      { url: `/public/v1/tickets/${w.a.ticketId}/comments`, status: 401 },
      { url: `/public/v1/tickets/${w.a.ticketId}/comments`, status: 404, as: "key" },
      { url: `/public/v1/tickets/${w.a.ticketNumber}/comments`, status: 404, as: "key" },
    ],
  },
  "POST /public/v1/tickets/:id/comments": {
    need: "api-key",
    call: (w) => ({
      url: `/public/v1/tickets/${w.a.ticketId}/comments`,
      body: { body: "x", visibility: "external" },
    }),
    attacks: (w) => [
      {
        url: `/public/v1/tickets/${w.a.ticketId}/comments`,
        body: { body: "x", visibility: "internal" },
        status: 401,
      },
      {
        url: `/public/v1/tickets/${w.a.ticketId}/comments`,
        body: { body: "x", visibility: "internal" },
        status: 404,
        as: "key",
      },
      {
        url: `/public/v1/tickets/${w.a.ticketNumber}/comments`,
        body: { body: "x", visibility: "external" },
        status: 404,
        as: "key",
      },
    ],
  },
  // Assets (a platform feature) and the ITSM links to them. Tags are unique per tenant, so B may use A's.
  "GET /api/assets": {
    need: "assets:read",
    call: noBody("/api/assets"),
    attacks: (w) => [
      { url: "/api/assets", status: 200 },
      { url: `/api/assets?q=${w.a.assetTag}`, status: 200 },
      { url: `/api/assets?assignee_id=${w.a.adminId}`, status: 200 },
    ],
  },
  "POST /api/assets": {
    need: "assets:manage",
    call: () => ({ url: "/api/assets", body: { name: "N", asset_tag: "NEW-1", category: "Laptop" } }),
    attacks: (w) => [
      {
        url: "/api/assets",
        body: { name: "Twin", asset_tag: w.a.assetTag, category: "Laptop" },
        status: 201,
      },
      {
        url: "/api/assets",
        body: { name: "T", asset_tag: "T-2", category: "Laptop", assignee_id: w.a.adminId },
        status: 422,
      },
    ],
  },
  "GET /api/assets/facets": {
    need: "assets:read",
    call: noBody("/api/assets/facets"),
    attacks: () => [{ url: "/api/assets/facets", status: 200 }],
  },
  "GET /api/assets/people": {
    need: "assets:manage",
    call: noBody("/api/assets/people"),
    attacks: (w) => [
      { url: "/api/assets/people", status: 200 },
      { url: `/api/assets/people?q=${w.a.slug}`, status: 200 },
    ],
  },
  "GET /api/assets/:id": {
    need: "assets:read",
    call: (w) => ({ url: `/api/assets/${w.a.assetId}` }),
    attacks: (w) => [{ url: `/api/assets/${w.a.assetId}`, status: 404 }],
  },
  "PATCH /api/assets/:id": {
    need: "assets:manage",
    call: (w) => ({ url: `/api/assets/${w.a.assetId}`, body: { name: "Renamed" } }),
    attacks: (w) => [
      { url: `/api/assets/${w.a.assetId}`, body: { name: "Pwned" }, status: 404 },
      // B's own asset given to A's user: not a user of B.
      { url: `/api/assets/${w.b.assetId}`, body: { assignee_id: w.a.memberId }, status: 422 },
    ],
  },
  "DELETE /api/assets/:id": {
    need: "assets:manage",
    call: (w) => ({ url: `/api/assets/${w.a.assetId}` }),
    attacks: (w) => [{ url: `/api/assets/${w.a.assetId}`, status: 404 }],
  },
  "GET /api/assets/:id/movements": {
    need: "assets:read",
    call: (w) => ({ url: `/api/assets/${w.a.assetId}/movements` }),
    attacks: (w) => [{ url: `/api/assets/${w.a.assetId}/movements`, status: 404 }],
  },
  "POST /api/assets/:id/movements": {
    need: "assets:manage",
    call: (w) => ({ url: `/api/assets/${w.a.assetId}/movements`, body: { to_location: "Elsewhere" } }),
    attacks: (w) => [
      { url: `/api/assets/${w.a.assetId}/movements`, body: { to_location: "Elsewhere" }, status: 404 },
      { url: `/api/assets/${w.b.assetId}/movements`, body: { to_person_id: w.a.memberId }, status: 422 },
    ],
  },
  "GET /api/assets/:id/tickets": {
    need: "assets:read",
    call: (w) => ({ url: `/api/assets/${w.a.assetId}/tickets` }),
    attacks: (w) => [{ url: `/api/assets/${w.a.assetId}/tickets`, status: 404 }],
  },
  "PUT /api/tickets/:id/movement": {
    need: "tickets:manage",
    call: (w) => ({ url: `/api/tickets/${w.a.ticketId}/movement`, body: { movement_id: null } }),
    attacks: (w) => [
      { url: `/api/tickets/${w.a.ticketId}/movement`, body: { movement_id: null }, status: 404 },
      {
        url: `/api/tickets/${w.a.ticketNumber}/movement`,
        body: { movement_id: w.a.movementId },
        status: 404,
      },
      // B's own ticket with A's movement: not a movement of B's asset.
      { url: `/api/tickets/${w.b.ticketId}/movement`, body: { movement_id: w.a.movementId }, status: 422 },
    ],
  },
  "GET /public/v1/assets": {
    need: "api-key",
    call: noBody("/public/v1/assets"),
    attacks: (w) => [
      { url: "/public/v1/assets", status: 401 },
      { url: "/public/v1/assets", status: 200, as: "key" },
      { url: `/public/v1/assets?q=${w.a.assetTag}`, status: 200, as: "key" },
      { url: `/public/v1/assets?assignee_id=${w.a.adminId}`, status: 200, as: "key" },
    ],
  },
  "GET /api/settings/itsm": {
    need: "settings:manage",
    call: noBody("/api/settings/itsm"),
    attacks: () => [{ url: "/api/settings/itsm", status: 200 }],
  },
  "GET /api/settings/itsm/email-usage": {
    need: "settings:manage",
    call: noBody("/api/settings/itsm/email-usage"),
    // No tenant in the URL: B always gets B's own month.
    attacks: () => [{ url: "/api/settings/itsm/email-usage", status: 200 }],
  },
  "PATCH /api/settings/itsm": {
    need: "settings:manage",
    call: () => ({ url: "/api/settings/itsm", body: { autoCloseDays: 3 } }),
    attacks: () => [
      { url: "/api/settings/itsm", body: { ticketPrefix: "ALPHA", autoCloseDays: 2 }, status: 200 },
    ],
  },
  // Settings → ITSM → Email templates: B only ever reads and writes B's templates (A's custom
  // ticket.closed template names A's slug, see makeSide).
  "GET /api/settings/itsm/email-templates": {
    need: "settings:manage",
    call: noBody("/api/settings/itsm/email-templates"),
    attacks: () => [{ url: "/api/settings/itsm/email-templates", status: 200 }],
  },
  "PUT /api/settings/itsm/email-templates/:event": {
    need: "settings:manage",
    call: () => ({ url: "/api/settings/itsm/email-templates/ticket.closed", body: TEMPLATE }),
    attacks: () => [{ url: "/api/settings/itsm/email-templates/ticket.closed", body: TEMPLATE, status: 200 }],
  },
  "DELETE /api/settings/itsm/email-templates/:event": {
    need: "settings:manage",
    call: noBody("/api/settings/itsm/email-templates/ticket.closed"),
    attacks: () => [{ url: "/api/settings/itsm/email-templates/ticket.closed", status: 204 }],
  },
  "POST /api/settings/itsm/email-templates/:event/preview": {
    need: "settings:manage",
    call: () => ({ url: "/api/settings/itsm/email-templates/ticket.closed/preview", body: TEMPLATE }),
    attacks: () => [
      { url: "/api/settings/itsm/email-templates/ticket.closed/preview", body: TEMPLATE, status: 200 },
    ],
  },
  "POST /api/settings/itsm/email-templates/:event/test-send": {
    need: "settings:manage",
    call: () => ({ url: "/api/settings/itsm/email-templates/ticket.closed/test-send", body: TEMPLATE }),
    // To the signed-in user's own address only: B's admin gets B's mail.
    attacks: () => [
      { url: "/api/settings/itsm/email-templates/ticket.closed/test-send", body: TEMPLATE, status: 202 },
    ],
  },
  // The confirm/reject links of ticket.resolved mails: public, the signed token is the credential. B
  // can only forge one for A's ticket (the HMAC key is the installation's, never shown): 403.
  "GET /ticket-actions/:token": {
    need: "public",
    call: (w) => ({ url: `/ticket-actions/${forgedLink(w)}` }),
    attacks: (w) => [{ url: `/ticket-actions/${forgedLink(w)}`, status: 403 }],
  },
  "POST /ticket-actions/:token": {
    need: "public",
    call: (w) => ({ url: `/ticket-actions/${forgedLink(w)}`, body: {} }),
    attacks: (w) => [
      { url: `/ticket-actions/${forgedLink(w)}`, body: {}, status: 403 },
      { url: `/ticket-actions/${forgedLink(w, "reject")}`, body: { comment: "Pwned" }, status: 403 },
    ],
  },
  // The agent portal. A's tickets are numbered ALPHA-…, B's BRAVO-…: a number is looked up in B's tenant.
  "GET /api/tickets": {
    need: "tickets:manage",
    call: noBody("/api/tickets"),
    attacks: (w) => [
      { url: "/api/tickets", status: 200 },
      { url: `/api/tickets?q=${w.a.ticketNumber}`, status: 200 },
      { url: `/api/tickets?reporter=${w.a.adminId}`, status: 200 },
      { url: `/api/tickets?assignee=${w.a.adminId}`, status: 200 },
    ],
  },
  "GET /api/tickets/counts": {
    need: "tickets:manage",
    call: noBody("/api/tickets/counts"),
    attacks: () => [{ url: "/api/tickets/counts", status: 200 }],
  },
  "GET /api/tickets/agents": {
    need: "tickets:manage",
    call: noBody("/api/tickets/agents"),
    attacks: () => [{ url: "/api/tickets/agents", status: 200 }],
  },
  "GET /api/tickets/people": {
    need: "tickets:manage",
    call: noBody("/api/tickets/people"),
    attacks: (w) => [{ url: `/api/tickets/people?q=${w.a.slug}`, status: 200 }],
  },
  "GET /api/tickets/events": {
    need: "tickets:manage",
    call: noBody("/api/tickets/events"),
    attacks: { none: "an endless event stream subscribed by the caller's own tenant id, carrying no data" },
  },
  "POST /api/tickets": {
    need: "tickets:manage",
    call: () => ({ url: "/api/tickets", body: { title: "T", description: "", type: "incident" } }),
    attacks: (w) => [
      // Linking A's asset: not an asset of B.
      {
        url: "/api/tickets",
        body: { title: "T", description: "", type: "incident", asset_id: w.a.assetId },
        status: 422,
      },
      // Filing on behalf of A's user: not a user of B.
      {
        url: "/api/tickets",
        body: { title: "T", description: "", type: "incident", reporter_id: w.a.memberId },
        status: 422,
      },
    ],
  },
  "GET /api/tickets/:id": {
    need: "tickets:manage",
    call: (w) => ({ url: `/api/tickets/${w.a.ticketId}` }),
    attacks: (w) => [
      { url: `/api/tickets/${w.a.ticketId}`, status: 404 },
      { url: `/api/tickets/${w.a.ticketNumber}`, status: 404 },
    ],
  },
  "PATCH /api/tickets/:id": {
    need: "tickets:manage",
    call: (w) => ({ url: `/api/tickets/${w.a.ticketId}`, body: { title: "Renamed" } }),
    attacks: (w) => [
      { url: `/api/tickets/${w.a.ticketId}`, body: { title: "Pwned" }, status: 404 },
      { url: `/api/tickets/${w.a.ticketNumber}`, body: { status: "cancelled", reason: "x" }, status: 404 },
      // B's own ticket assigned to A's agent: not an agent of B.
      { url: `/api/tickets/${w.b.ticketId}`, body: { assignee_id: w.a.adminId }, status: 422 },
    ],
  },
  "GET /api/tickets/:id/comments": {
    need: "tickets:manage",
    call: (w) => ({ url: `/api/tickets/${w.a.ticketId}/comments` }),
    attacks: (w) => [{ url: `/api/tickets/${w.a.ticketId}/comments`, status: 404 }],
  },
  "POST /api/tickets/:id/comments": {
    need: "tickets:manage",
    call: (w) => ({
      url: `/api/tickets/${w.a.ticketId}/comments`,
      body: { body: "Hi", visibility: "external" },
    }),
    attacks: (w) => [
      {
        url: `/api/tickets/${w.a.ticketId}/comments`,
        body: { body: "x", visibility: "internal" },
        status: 404,
      },
    ],
  },
  "GET /api/tickets/:id/history": {
    need: "tickets:manage",
    call: (w) => ({ url: `/api/tickets/${w.a.ticketId}/history` }),
    attacks: (w) => [{ url: `/api/tickets/${w.a.ticketNumber}/history`, status: 404 }],
  },
  // The desk portal (reporters).
  "GET /api/desk/tickets": {
    need: "tickets:create",
    call: noBody("/api/desk/tickets"),
    attacks: (w) => [{ url: `/api/desk/tickets?q=${w.a.ticketNumber}`, status: 200 }],
  },
  "POST /api/desk/tickets": {
    need: "tickets:create",
    call: () => ({ url: "/api/desk/tickets", body: { title: "T", description: "D", type: "incident" } }),
    attacks: (w) => [
      { url: "/api/desk/tickets", body: { title: "T", description: "D", type: "incident" }, status: 201 },
      // "Report issue" with A's asset: not an asset of B.
      {
        url: "/api/desk/tickets",
        body: { title: "T", description: "D", type: "incident", asset_id: w.a.assetId },
        status: 422,
      },
    ],
  },
  "GET /api/desk/tickets/:id": {
    need: "tickets:create",
    call: (w) => ({ url: `/api/desk/tickets/${w.a.ticketId}` }),
    attacks: (w) => [{ url: `/api/desk/tickets/${w.a.ticketId}`, status: 404 }],
  },
  "GET /api/desk/tickets/:id/comments": {
    need: "tickets:create",
    call: (w) => ({ url: `/api/desk/tickets/${w.a.ticketId}/comments` }),
    attacks: (w) => [{ url: `/api/desk/tickets/${w.a.ticketId}/comments`, status: 404 }],
  },
  "POST /api/desk/tickets/:id/comments": {
    need: "tickets:create",
    call: (w) => ({ url: `/api/desk/tickets/${w.a.ticketId}/comments`, body: { body: "Hi" } }),
    attacks: (w) => [
      { url: `/api/desk/tickets/${w.a.ticketNumber}/comments`, body: { body: "x" }, status: 404 },
    ],
  },
  "GET /api/desk/tickets/:id/history": {
    need: "tickets:create",
    call: (w) => ({ url: `/api/desk/tickets/${w.a.ticketId}/history` }),
    attacks: (w) => [{ url: `/api/desk/tickets/${w.a.ticketId}/history`, status: 404 }],
  },
  "POST /api/desk/tickets/:id/confirm": {
    need: "tickets:create",
    call: (w) => ({ url: `/api/desk/tickets/${w.a.ticketId}/confirm` }),
    attacks: (w) => [{ url: `/api/desk/tickets/${w.a.ticketId}/confirm`, status: 404 }],
  },
  "POST /api/desk/tickets/:id/reject": {
    need: "tickets:create",
    call: (w) => ({ url: `/api/desk/tickets/${w.a.ticketId}/reject`, body: { comment: "No" } }),
    attacks: (w) => [
      { url: `/api/desk/tickets/${w.a.ticketId}/reject`, body: { comment: "No" }, status: 404 },
    ],
  },
  "POST /api/operator/sign-in": {
    need: "public",
    call: (w) => ({ url: "/api/operator/sign-in", body: { email: w.a.adminEmail, password: PASSWORD } }),
    attacks: (w) => [
      // A tenant admin's credentials are not operator credentials.
      { url: "/api/operator/sign-in", body: { email: w.b.adminEmail, password: PASSWORD }, status: 401 },
    ],
  },
  ...Object.fromEntries(
    (
      [
        ["POST /api/operator/sign-out", noBody("/api/operator/sign-out")],
        ["GET /api/operator/session", noBody("/api/operator/session")],
        ["GET /api/operator/tenants", noBody("/api/operator/tenants")],
        [
          "POST /api/operator/tenants",
          (w: World) => ({
            url: "/api/operator/tenants",
            body: { slug: `x${w.b.slug}`, name: "X", adminEmail: "x@x.test", adminPassword: PASSWORD },
          }),
        ],
        [
          "PUT /api/operator/tenants/:slug/license",
          (w: World) => ({ url: `/api/operator/tenants/${w.a.slug}/license`, body: { active: false } }),
        ],
        ["GET /api/operator/alerts", noBody("/api/operator/alerts")],
        ["GET /api/operator/api-usage", noBody("/api/operator/api-usage")],
        ["GET /api/operator/api-usage.csv", noBody("/api/operator/api-usage.csv")],
        ["POST /api/operator/checks/quotas", noBody("/api/operator/checks/quotas")],
        ["GET /api/operator/notifications", noBody("/api/operator/notifications")],
        [
          "POST /api/operator/notifications/failed/:jobId/retry",
          noBody("/api/operator/notifications/failed/00000000-0000-4000-8000-000000000000/retry"),
        ],
      ] as const
    ).map(([route, call]) => [
      route,
      {
        need: "operator",
        call,
        attacks: { none: "operator routes span tenants by design; tenant users get 401 (tested above)" },
      } satisfies Entry,
    ]),
  ),
  // Outside /api and /public, public by design.
  "GET /healthz": {
    need: "public",
    call: noBody("/healthz"),
    attacks: { none: "liveness of the process for load balancers; it holds no tenant data" },
  },
  "GET /readyz": {
    need: "public",
    call: noBody("/readyz"),
    attacks: { none: "readiness (database reachable, migrations applied); it holds no tenant data" },
  },
  "GET /*": {
    need: "public",
    call: noBody("/tickets"),
    // The single-page app's index.html for deep links (when built); an unknown API path stays a JSON 404.
    attacks: (w) => [
      { url: `/api/tickets/${w.a.ticketId}/secrets`, status: 404 },
      { url: `/public/v1/tenants/${w.a.id}`, status: 404 },
    ],
  },
};

/**
 * Every "METHOD /path" Nest mapped from its controllers (DiscoveryService, MetadataScanner and the
 * @Get/@Post… metadata), with the handler serving it. Paths are joined as Nest's RoutePathFactory does;
 * this app has no global prefix, URI versions or RouterModule paths.
 */
function nestRoutes(nest: NestFastifyApplication): Map<string, string> {
  const routes = new Map<string, string>();
  const scanner = new MetadataScanner();
  for (const { instance, metatype } of nest.get(DiscoveryService, { strict: false }).getControllers()) {
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance);
    const prefixes: string[] = [Reflect.getMetadata(PATH_METADATA, metatype) ?? ""].flat();
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const paths: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      for (const prefix of prefixes) {
        for (const p of [paths].flat())
          routes.set(`${method} ${joinPath(prefix, p)}`, `${metatype.name}.${name}`);
      }
    }
  }
  return routes;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split("/"))
    .filter(Boolean)
    .join("/")}`;

/** Every "METHOD /path" in Fastify's route tree (HEAD mirrors GET and is left out). */
function fastifyRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? "").length / 4;
    const full = (stack[depth - 1] ?? "") + m[2];
    stack.length = depth;
    stack.push(full);
    for (const method of (m[3] ?? "").split(", ")) {
      if (method && method !== "HEAD") routes.push(`${method} ${full.startsWith("/") ? full : `/${full}`}`);
    }
  }
  return routes.sort();
}

/** A route @fastify/static registered for a file of the built web app (only when dist/web exists). */
function isWebAppFile(route: string): boolean {
  const [method, url = ""] = route.split(" ");
  return method === "GET" && !url.includes(":") && fs.existsSync(path.join(WEB_DIST, decodeURI(url)));
}

async function makeSide(t: TestApp, prefix: string): Promise<Side> {
  const tenant = await makeTenant(t, { license: true });
  const admin = await signedIn(t.app, tenant.adminEmail);
  const adminId = (await admin.get("/api/session")).json().user.id;
  const memberEmail = `member@${tenant.slug}.test`;
  const member = await admin.post("/api/users", { email: memberEmail, name: "Member", password: PASSWORD });
  assert.equal(member.statusCode, 201, member.body);
  const team = await admin.post("/api/groups", { name: `Team ${tenant.slug}`, permissions: ["assets:read"] });
  assert.equal(team.statusCode, 201, team.body);
  const memberId = member.json().id;
  assert.equal((await admin.put(`/api/groups/${team.json().id}/members/${memberId}`)).statusCode, 200);
  const groups: { id: string; systemKey: string | null }[] = (await admin.get("/api/groups")).json();
  const system = (key: string) => groups.find((g) => g.systemKey === key)?.id as string;
  // The admin becomes an agent, so every ticket route is open to them.
  assert.equal((await admin.put(`/api/groups/${system("itsm_agent")}/members/${adminId}`)).statusCode, 200);
  assert.equal((await admin.patch("/api/settings/itsm", { ticketPrefix: prefix })).statusCode, 200);
  const assetName = `Secret laptop of ${tenant.slug}`;
  const asset = await admin.post("/api/assets", {
    name: assetName,
    asset_tag: `TAG-${prefix}`,
    category: `Laptops of ${tenant.slug}`,
    location: `HQ of ${tenant.slug}`,
  });
  assert.equal(asset.statusCode, 201, asset.body);
  // A location naming the tenant: the list's filter choices (facets) must never offer it to B.
  const movement = await admin.post(`/api/assets/${asset.json().id}/movements`, {
    to_location: `Lab of ${tenant.slug}`,
  });
  assert.equal(movement.statusCode, 201, movement.body);
  const ticketTitle = `Secret ticket of ${tenant.slug}`;
  const ticket = await admin.post("/api/tickets", {
    title: ticketTitle,
    description: "x",
    type: "incident",
    asset_id: asset.json().id,
    movement_id: movement.json().id,
  });
  assert.equal(ticket.statusCode, 201, ticket.body);
  const apiKey = await admin.post("/api/api-keys", {
    name: `Key of ${tenant.slug}`,
    scopes: ["tickets:read"],
  });
  assert.equal(apiKey.statusCode, 201, apiKey.body);
  const noteBody = `Internal note of ${tenant.slug}`;
  const note = await admin.post(`/api/tickets/${ticket.json().id}/comments`, {
    body: noteBody,
    visibility: "internal",
  });
  assert.equal(note.statusCode, 201, note.body);
  // A custom email template naming the tenant: B's template routes must never show or change it.
  const template = await admin.put("/api/settings/itsm/email-templates/ticket.closed", {
    subject: `{{ticket_number}} closed at ${tenant.slug}`,
    html: `<p>${tenant.name}</p>`,
    text: tenant.name,
  });
  assert.equal(template.statusCode, 200, template.body);
  return {
    ...tenant,
    adminId,
    admin,
    memberId,
    memberEmail,
    teamId: team.json().id,
    agentGroupId: system("itsm_agent"),
    adminGroupId: system("administrators"),
    ticketId: ticket.json().id,
    ticketNumber: ticket.json().number,
    apiKeyId: apiKey.json().id,
    ticketTitle,
    noteBody,
    assetId: asset.json().id,
    assetTag: asset.json().asset_tag,
    assetName,
    movementId: movement.json().id,
  };
}

/**
 * Every row tenant A owns, in every table with a tenant_id, and A's tenants row, to prove that B's
 * attempts changed nothing.
 */
async function rowsOf(t: TestApp, tenantId: string) {
  const db = t.database.dataSource;
  const tables: { table_name: string }[] = await db.query(
    `select table_name from information_schema.columns
     where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
  );
  const out: Record<string, unknown[]> = {
    tenants: await db.query("select * from tenants where id = $1", [tenantId]),
  };
  for (const { table_name } of tables) {
    out[table_name] = await db.query(`select * from ${table_name} where tenant_id = $1 order by 1, 2`, [
      tenantId,
    ]);
  }
  return out;
}

describe("tenant B attacks tenant A on every route", () => {
  let t: TestApp;
  let w: World;
  let nobody: Client; // a user of tenant B in no group: no permissions at all
  let forged: Client; // B's session secret under A's tenant id
  let keyOfB: Client; // B's API key (tickets:read, tickets:write, assets:read) in the Authorization header
  beforeAll(async () => {
    t = await startTestApp();
    w = { a: await makeSide(t, "ALPHA"), b: await makeSide(t, "BRAVO") };
    await w.b.admin.post("/api/users", {
      email: `nobody@${w.b.slug}.test`,
      name: "Nobody",
      password: PASSWORD,
    });
    nobody = await signedIn(t.app, `nobody@${w.b.slug}.test`);
    forged = await signedIn(t.app, w.b.adminEmail);
    const secret = forged.cookie.slice(forged.cookie.indexOf(".") + 1);
    forged.cookie = `uslimato_session=${w.a.id}.${secret}`;
    const key = await w.b.admin.post("/api/api-keys", {
      name: "Integration of B",
      scopes: ["tickets:read", "tickets:write", "assets:read"],
    });
    assert.equal(key.statusCode, 201, key.body);
    const authorization = `Bearer ${key.json().secret}`;
    keyOfB = new Client(t.app);
    const send = keyOfB.request.bind(keyOfB);
    keyOfB.request = (method, url, body, headers = {}) =>
      send(method, url, body, { authorization, ...headers });
  });
  afterAll(() => t?.close());

  /** What of A must never reach B: ids, emails, slug, name (unless B itself sent that string). */
  const secretsOfA = () => [
    w.a.id,
    w.a.slug,
    w.a.name,
    w.a.adminEmail,
    w.a.adminId,
    w.a.memberId,
    w.a.memberEmail,
    w.a.teamId,
    w.a.agentGroupId,
    w.a.adminGroupId,
    w.a.ticketId,
    w.a.ticketNumber,
    w.a.ticketTitle,
    w.a.noteBody,
    w.a.apiKeyId,
    w.a.assetId,
    // Not the asset tag: B creates its own asset with A's tag (tags are unique per tenant only).
    w.a.assetName,
    w.a.movementId,
  ];
  function assertNoLeak(what: string, request: unknown, body: string) {
    const sent = JSON.stringify(request);
    for (const secret of secretsOfA()) {
      if (sent.includes(secret)) continue;
      assert.ok(!body.includes(secret), `${what} leaked "${secret}" of tenant A: ${body.slice(0, 300)}`);
    }
  }

  test("every registered /api and /public route is covered by the matrix", () => {
    const declared = nestRoutes(t.nest);
    // What Nest declared is what Fastify serves …
    for (const [route, handler] of declared) {
      const [method, url] = route.split(" ") as [string, string];
      assert.ok(t.app.hasRoute({ method, url }), `${route} (${handler}) is not registered in Fastify`);
    }
    // … and nothing else reaches Fastify past Nest (and so past the access guard), but the built web
    // app's files (@fastify/static, only where dist/web exists).
    const undeclared = fastifyRoutes(t.app).filter((r) => !declared.has(r) && !isWebAppFile(r));
    assert.deepEqual(undeclared, [], `Fastify serves routes no Nest controller declares: ${undeclared}`);
    const registered = [...declared.keys()].sort();
    assert.ok(registered.includes("GET /api/users"), `route listing looks wrong: ${registered.join(", ")}`);
    assert.ok(registered.includes("GET /healthz"), `route listing looks wrong: ${registered.join(", ")}`);
    const missing = registered.filter((r) => !(r in MATRIX));
    const stale = Object.keys(MATRIX).filter((r) => !registered.includes(r));
    assert.deepEqual(
      missing,
      [],
      `Routes without an entry in MATRIX (apps/tickets-api/test/tenancy.spec.ts): add what each needs and how tenant B attacks tenant A through it:\n  ${missing.map((r) => `${r} (${declared.get(r)})`).join("\n  ")}`,
    );
    assert.deepEqual(stale, [], `MATRIX names routes the app no longer has: ${stale.join(", ")}`);
  });

  test("anonymous callers get 401 problem+json on every non-public route", async () => {
    const anonymous = new Client(t.app);
    for (const [route, entry] of Object.entries(MATRIX)) {
      if (entry.need === "public") continue;
      const { url, body } = entry.call(w);
      const res = await anonymous.request(route.split(" ")[0] as "GET", url, body);
      assert.equal(res.statusCode, 401, `${route}: ${res.body}`);
      assert.match(res.headers["content-type"] as string, /application\/problem\+json/);
      assertNoLeak(`anonymous ${route}`, { url, body }, res.body);
    }
  });

  test("a tenant user without the permission gets 403 (operator routes: 401)", async () => {
    for (const [route, entry] of Object.entries(MATRIX)) {
      if (entry.need === "public" || entry.need === "signed-in") continue;
      const { url, body } = entry.call(w);
      const res = await nobody.request(route.split(" ")[0] as "GET", url, body);
      const expected = entry.need === "operator" || entry.need === "api-key" ? 401 : 403;
      assert.equal(res.statusCode, expected, `${route} as a user without ${entry.need}: ${res.body}`);
      if (expected === 403) assert.match(res.json().detail, new RegExp(entry.need));
      assertNoLeak(`${route} without permission`, { url, body }, res.body);
    }
  });

  test("a tenant administrator (every platform permission) cannot use operator routes", async () => {
    for (const [route, entry] of Object.entries(MATRIX)) {
      if (entry.need !== "operator") continue;
      const { url, body } = entry.call(w);
      const res = await w.b.admin.request(route.split(" ")[0] as "GET", url, body);
      assert.equal(res.statusCode, 401, `${route} as a tenant admin: ${res.body}`);
    }
  });

  test("tenant B's admin on tenant A's ids gets 404, sees none of A's data, and changes nothing", async () => {
    const before = await rowsOf(t, w.a.id);
    let attacks = 0;
    for (const [route, entry] of Object.entries(MATRIX)) {
      if (!(typeof entry.attacks === "function")) {
        assert.ok(entry.attacks.none.length > 10, `${route}: say why there is nothing to attack`);
        continue;
      }
      for (const attack of entry.attacks(w)) {
        const client = attack.as === "forged" ? forged : attack.as === "key" ? keyOfB : w.b.admin;
        const method = (attack.method ?? route.split(" ")[0]) as "GET";
        const res = await client.request(method, attack.url, attack.body);
        const what = `${route} → ${attack.url} ${JSON.stringify(attack.body ?? "")}`;
        assert.equal(res.statusCode, attack.status, `${what}: ${res.body}`);
        if (attack.status === 404) assert.match(res.headers["content-type"] as string, /problem\+json/);
        assertNoLeak(what, attack, res.body);
        attacks++;
      }
    }
    assert.ok(attacks >= 20, `only ${attacks} attacks ran`);
    assert.deepEqual(await rowsOf(t, w.a.id), before, "tenant A's rows changed");
    // A's own admin is unaffected and still sees A's data.
    const session = await w.a.admin.get("/api/session");
    assert.equal(session.statusCode, 200);
    assert.equal(session.json().tenant.id, w.a.id);
  });

  test("the server refuses to start when an /api route declares no access rule", async () => {
    // The real AppModule (its global AccessGuard) with one more controller beside it.
    const boot = async (controller: new () => unknown) => {
      @Module({ imports: [AppModule.forRoot(t.config, t.database)], controllers: [controller] })
      class WithExtraRoute {}
      return NestFactory.create<NestFastifyApplication>(WithExtraRoute, new FastifyAdapter(), {
        logger: false,
        abortOnError: false,
      });
    };
    const refused = await boot(ForgottenController);
    try {
      await assert.rejects(
        refused.init(),
        /These routes declare no access rule \(@Access\): ForgottenController\.forgotten\.$/,
      );
    } finally {
      await refused.close();
    }
    const started = await boot(DeclaredController);
    try {
      await started.init();
      const fastify = started.getHttpAdapter().getInstance();
      const res = await fastify.inject({ method: "GET", url: "/api/declared" });
      assert.equal(res.statusCode, 200, res.body);
    } finally {
      await started.close();
    }
  });
});

/** GET /api/forgotten has no @Access, on itself or its controller (GET /api/remembered has one). */
@Controller()
class ForgottenController {
  @Get("api/forgotten")
  forgotten() {
    return {};
  }

  @Get("api/remembered")
  @Access({ kind: "public" })
  remembered() {
    return {};
  }
}

@Controller()
@Access({ kind: "public" })
class DeclaredController {
  @Get("api/declared")
  declared() {
    return {};
  }
}
