import type { HttpInterceptorFn } from "@angular/common/http";
import { inject } from "@angular/core";
import { CsrfTokens, realmOf } from "./csrf.ts";

/** Cookie-authenticated writes must echo the session's token (the server's synchronizer-token check). */
export const csrfInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next(req);
  const token = inject(CsrfTokens).get(realmOf(req.url));
  return next(token ? req.clone({ setHeaders: { "x-csrf-token": token } }) : req);
};
