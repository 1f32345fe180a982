import { HttpErrorResponse, type HttpInterceptorFn } from "@angular/common/http";
import { catchError, throwError, timeout } from "rxjs";
import { ApiProblem, problemOf } from "./problem.ts";

/** A call that has not been answered after this long is given up (and reported) rather than spinning. */
const TIMEOUT_MS = 30_000;

/**
 * Every failed call rejects with an ApiProblem (problem+json read once, here), so pages show
 * `problem.fieldErrors` next to fields and `detail ?? title` otherwise. The live feed is not timed out.
 */
export const problemInterceptor: HttpInterceptorFn = (req, next) => {
  const answered = req.url.endsWith("/events") ? next(req) : next(req).pipe(timeout(TIMEOUT_MS));
  return answered.pipe(
    catchError((err: unknown) =>
      throwError(() =>
        err instanceof HttpErrorResponse || isTimeout(err) ? new ApiProblem(problemOf(err)) : err,
      ),
    ),
  );
};

function isTimeout(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { name?: unknown }).name === "TimeoutError";
}
