import { HttpClient } from "@angular/common/http";
import { Injectable, inject } from "@angular/core";
import { Router } from "@angular/router";
import { problemOf } from "@uslimato/web-data-access";
import { firstValueFrom, type Observable } from "rxjs";
import { OperatorSessionStore } from "./operator-session.store.ts";
import type { License, LicenseInput, NewTenantInput, Tenant } from "./types.ts";

/**
 * The operator console's writes (reads are httpResources in the components). The CSRF header comes
 * from the data-access interceptor (operator realm); a 401 means the operator session ran out.
 */
@Injectable({ providedIn: "root" })
export class OperatorApi {
  private readonly http = inject(HttpClient);
  private readonly store = inject(OperatorSessionStore);
  private readonly router = inject(Router);

  createTenant(input: NewTenantInput): Promise<Tenant> {
    return this.send(this.http.post<Tenant>("/api/operator/tenants", input));
  }

  setLicense(slug: string, input: LicenseInput): Promise<License> {
    return this.send(
      this.http.put<License>(`/api/operator/tenants/${encodeURIComponent(slug)}/license`, input),
    );
  }

  runQuotaCheck(): Promise<{ alertsRaised: number }> {
    return this.send(this.http.post<{ alertsRaised: number }>("/api/operator/checks/quotas", {}));
  }

  /** After a 401 anywhere in the console: back to the operator sign-in. */
  signedOut(error: unknown): boolean {
    if (problemOf(error).status !== 401) return false;
    this.store.forget();
    void this.router.navigateByUrl("/operator/sign-in");
    return true;
  }

  private async send<T>(call: Observable<T>): Promise<T> {
    try {
      return await firstValueFrom(call);
    } catch (error) {
      this.signedOut(error);
      throw error;
    }
  }
}
