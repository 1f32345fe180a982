import type { PublicResource } from "./resource.ts";
import { ticketsResource } from "./tickets.ts";

/**
 * The resources of /public/v1, in the order the reference lists them. A new resource (assets, with
 * scope assets:read) is a file like tickets.ts and one more entry here.
 */
export const RESOURCES: readonly PublicResource[] = [ticketsResource];
