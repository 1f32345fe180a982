import { Asset, AssetMovement } from "./assets.entities.ts";
import { EmailTemplate } from "./emails.entities.ts";
import { ItsmLicense, MonthlyUsage } from "./licensing.entities.ts";
import { EmailDelivery, OutboxEntry } from "./notifications.entities.ts";
import { Operator, OperatorAlert, OperatorSession, Schedule } from "./operator.entities.ts";
import {
  Group,
  GroupMember,
  GroupPermission,
  Permission,
  Session,
  SignInFailure,
  Tenant,
  User,
} from "./platform.entities.ts";
import { ApiIdempotencyRecord, ApiKey, ApiUsageDaily, ServerSecret } from "./public-api.entities.ts";
import {
  ItsmSettings,
  Ticket,
  TicketComment,
  TicketHistoryEntry,
  TicketStatusCount,
} from "./tickets.entities.ts";

export * from "./assets.entities.ts";
export * from "./emails.entities.ts";
export * from "./licensing.entities.ts";
export * from "./notifications.entities.ts";
export * from "./operator.entities.ts";
export * from "./platform.entities.ts";
export * from "./public-api.entities.ts";
export * from "./tickets.entities.ts";

/** Every entity, one per table: the DataSource's `entities`. */
export const ENTITIES = [
  Tenant,
  Permission,
  User,
  Group,
  GroupPermission,
  GroupMember,
  Session,
  SignInFailure,
  ItsmLicense,
  MonthlyUsage,
  Operator,
  OperatorSession,
  OperatorAlert,
  Schedule,
  ItsmSettings,
  Ticket,
  TicketStatusCount,
  TicketComment,
  TicketHistoryEntry,
  ApiKey,
  ApiUsageDaily,
  ApiIdempotencyRecord,
  ServerSecret,
  OutboxEntry,
  EmailDelivery,
  EmailTemplate,
  Asset,
  AssetMovement,
];
