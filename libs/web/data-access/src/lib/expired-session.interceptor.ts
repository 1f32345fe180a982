import { HttpErrorResponse, type HttpInterceptorFn } from "@angular/common/http";
import { inject } from "@angular/core";
import { catchError, throwError } from "rxjs";
import { realmOf } from "./csrf.ts";
import { SessionStore } from "./session.store.ts";

/** Calls whose 401 means "wrong password" or "nobody signed in", not "your session ran out". */
const NOT_EXPIRY = ["/api/session", "/api/auth/sign-in", "/api/auth/sign-out"];

/**
 * A 401 on a tenant call while signed in: the session ran out mid-work. The store flags it and the
 * shell asks to sign in again in a dialog over the page, so whatever was typed stays where it is.
 */
export const expiredSessionInterceptor: HttpInterceptorFn = (req, next) => {
  const store = inject(SessionStore);
  return next(req).pipe(
    catchError((err: unknown) => {
      if (
        err instanceof HttpErrorResponse &&
        err.status === 401 &&
        realmOf(req.url) === "tenant" &&
        !NOT_EXPIRY.includes(req.url) &&
        store.session() !== null
      ) {
        store.markExpired();
      }
      return throwError(() => err);
    }),
  );
};
