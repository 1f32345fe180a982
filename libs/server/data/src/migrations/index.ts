import { Platform1764460800001 } from "./1764460800001-Platform.ts";
import { Usage1764460800002 } from "./1764460800002-Usage.ts";
import { Tickets1764460800003 } from "./1764460800003-Tickets.ts";
import { PublicApi1764460800005 } from "./1764460800005-PublicApi.ts";
import { Notifications1764460800006 } from "./1764460800006-Notifications.ts";
import { Emails1764460800007 } from "./1764460800007-Emails.ts";
import { Assets1764460800008 } from "./1764460800008-Assets.ts";

/** Every migration, in order. A new one is added here and never edited once it has landed. */
export const MIGRATIONS = [
  Platform1764460800001,
  Usage1764460800002,
  Tickets1764460800003,
  PublicApi1764460800005,
  Notifications1764460800006,
  Emails1764460800007,
  Assets1764460800008,
];
