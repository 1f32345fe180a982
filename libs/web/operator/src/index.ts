export { OPERATOR_ROUTES } from "./lib/operator.routes.ts";
