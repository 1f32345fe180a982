import { provideHttpClient, withFetch, withInterceptors } from "@angular/common/http";
import type { EnvironmentProviders } from "@angular/core";
import { csrfInterceptor } from "./csrf.interceptor.ts";
import { expiredSessionInterceptor } from "./expired-session.interceptor.ts";
import { problemInterceptor } from "./problem.interceptor.ts";

/** HttpClient on fetch with the app's interceptors; errors reach callers as ApiProblem. */
export function provideApi(): EnvironmentProviders {
  // Order: the problem mapper is outermost so the expiry check still sees the raw HttpErrorResponse.
  return provideHttpClient(
    withFetch(),
    withInterceptors([problemInterceptor, csrfInterceptor, expiredSessionInterceptor]),
  );
}
