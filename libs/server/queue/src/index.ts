// BullMQ on Redis (REDIS_URL) or on the product's PostgreSQL/embedded database, with one job code.
export * from "./queue.ts";
