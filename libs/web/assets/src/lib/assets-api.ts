import { HttpClient } from "@angular/common/http";
import { Injectable, inject } from "@angular/core";
import { firstValueFrom } from "rxjs";
import type {
  Asset,
  AssetFacets,
  AssetFields,
  AssetFilters,
  AssetPage,
  AssetTicket,
  Movement,
  NewMovement,
  Person,
} from "./types.ts";

/** How many assets a page of the list shows. */
export const ASSET_PAGE_SIZE = 25;

/** The query of one page of the list: the filters that are set, the page size and the cursor. */
export function listQuery(filters: AssetFilters, cursor: string | null): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.q.trim()) query.set("q", filters.q.trim());
  if (filters.category) query.set("category", filters.category);
  if (filters.location) query.set("location", filters.location);
  if (filters.status) query.set("status", filters.status);
  query.set("limit", String(ASSET_PAGE_SIZE));
  if (cursor) query.set("cursor", cursor);
  return query;
}

/** `/api/assets…` (assets:read to read, assets:manage to change). Failures reject with ApiProblem. */
@Injectable({ providedIn: "root" })
export class AssetsApi {
  private readonly http = inject(HttpClient);

  list(filters: AssetFilters, cursor: string | null): Promise<AssetPage> {
    return firstValueFrom(this.http.get<AssetPage>(`/api/assets?${listQuery(filters, cursor)}`));
  }
  facets(): Promise<AssetFacets> {
    return firstValueFrom(this.http.get<AssetFacets>("/api/assets/facets"));
  }
  people(q: string): Promise<Person[]> {
    const query = q ? `?q=${encodeURIComponent(q)}` : "";
    return firstValueFrom(this.http.get<Person[]>(`/api/assets/people${query}`));
  }
  get(id: string): Promise<Asset> {
    return firstValueFrom(this.http.get<Asset>(`/api/assets/${id}`));
  }
  create(fields: AssetFields): Promise<Asset> {
    return firstValueFrom(this.http.post<Asset>("/api/assets", fields));
  }
  update(id: string, fields: Partial<AssetFields>): Promise<Asset> {
    return firstValueFrom(this.http.patch<Asset>(`/api/assets/${id}`, fields));
  }
  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/assets/${id}`));
  }
  movements(id: string): Promise<Movement[]> {
    return firstValueFrom(this.http.get<Movement[]>(`/api/assets/${id}/movements`));
  }
  recordMovement(id: string, movement: NewMovement): Promise<Movement> {
    return firstValueFrom(this.http.post<Movement>(`/api/assets/${id}/movements`, movement));
  }
  tickets(id: string): Promise<AssetTicket[]> {
    return firstValueFrom(this.http.get<AssetTicket[]>(`/api/assets/${id}/tickets`));
  }
}
