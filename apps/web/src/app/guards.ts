import { inject } from "@angular/core";
import { type CanMatchFn, Router } from "@angular/router";
import { AREAS, type Area, homePath, SessionStore } from "@uslimato/web-data-access";

/**
 * Route guards. They only decide what to show: the server still checks every call. An area this
 * session may not use does not match, so the router falls through to "Not found" (never "forbidden").
 */

/** Someone is signed in; otherwise to the sign-in page, coming back here afterwards. */
export const signedIn: CanMatchFn = async (_route, segments) => {
  const router = inject(Router);
  const session = await inject(SessionStore).load();
  if (session) return true;
  const next = `/${segments.map((s) => s.path).join("/")}`;
  return router.createUrlTree(["/sign-in"], next === "/" ? {} : { queryParams: { next } });
};

/** The sign-in page is for signed-out visitors; a signed-in user goes to their start page. */
export const signedOut: CanMatchFn = async () => {
  const session = await inject(SessionStore).load();
  return session ? inject(Router).parseUrl(homePath(session)) : true;
};

/** The session may use this area (its permissions and license flags). */
export function area(name: Area): CanMatchFn {
  // canMatch guards run together: wait for the session rather than read a not-yet-loaded one.
  return async () => {
    const session = await inject(SessionStore).load();
    return session !== null && AREAS[name](session);
  };
}

/** "/" → where this user starts (tickets, desk or assets). */
export function homeRedirect(): string {
  const session = inject(SessionStore).session();
  return session ? homePath(session) : "/sign-in";
}
