// The web app's one HTTP layer and its session state (see libs/web/README.md).

export { AREAS, type Area, homePath } from "./lib/areas.ts";
export { csrfInterceptor } from "./lib/csrf.interceptor.ts";
export { CsrfTokens, type Realm, realmOf } from "./lib/csrf.ts";
export { expiredSessionInterceptor } from "./lib/expired-session.interceptor.ts";
export { applyProblem, asSentence, errorText, notBlank, setServerError } from "./lib/field-errors.ts";
export { problemInterceptor } from "./lib/problem.interceptor.ts";
export { ApiProblem, type Problem, problemOf } from "./lib/problem.ts";
export { provideApi } from "./lib/provide-api.ts";
export { type Session, SessionStore, type SignInInput, type WorkspaceChoice } from "./lib/session.store.ts";
