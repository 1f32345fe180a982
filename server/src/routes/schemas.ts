import { z } from "zod";

/** Shared request-schema pieces. Bodies are strict: an unknown field is refused, never silently dropped. */
export const email = z.string().trim().min(3).max(254).email("is not a valid email address");
export const personName = z.string().trim().min(1, "is required").max(200);
export const password = z.string().min(1, "is required").max(200);
export const uuidParam = z.uuid("is not a valid id");
