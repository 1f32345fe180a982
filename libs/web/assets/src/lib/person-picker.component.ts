import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  signal,
} from "@angular/core";
import { type FormControl, ReactiveFormsModule } from "@angular/forms";
import { MatFormField, MatHint, MatLabel } from "@angular/material/form-field";
import { MatInput } from "@angular/material/input";
import { AssetsApi } from "./assets-api.ts";
import type { Person } from "./types.ts";

/**
 * A person of the tenant, or nobody: a search box (name or email) and the choice it narrows. The chosen
 * person stays offered whatever the search shows. The control holds the user id, or "" for nobody.
 */
@Component({
  selector: "us-person-picker",
  imports: [MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="picker">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Search people</mat-label>
        <input matInput type="search" [value]="search()" (input)="find($any($event.target).value)" autocomplete="off" />
        <mat-hint>By name or email</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ label() }}</mat-label>
        <select matNativeControl [formControl]="control()">
          <option value="" [selected]="!control().value">{{ nobody() }}</option>
          @for (p of options(); track p.id) {
            <option [value]="p.id" [selected]="p.id === control().value">{{ p.name }} ({{ p.email }})</option>
          }
        </select>
      </mat-form-field>
    </div>
  `,
  styles: `
    .picker { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; align-items: start; }
    @media (max-width: 599.98px) { .picker { grid-template-columns: 1fr; } }
  `,
})
export class PersonPickerComponent implements OnInit {
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<string>>();
  /** The person the control holds at first (so it is offered before any search). */
  readonly initial = input<Person | null>(null);
  readonly nobody = input("Nobody");

  private readonly api = inject(AssetsApi);
  protected readonly search = signal("");
  private readonly found = signal<Person[]>([]);
  private readonly chosen = signal<Person | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected readonly options = computed(() => {
    const chosen = this.chosen();
    const found = this.found();
    return chosen && !found.some((p) => p.id === chosen.id) ? [chosen, ...found] : found;
  });

  ngOnInit(): void {
    this.chosen.set(this.initial());
    this.control().valueChanges.subscribe((id) => {
      const person = this.options().find((p) => p.id === id) ?? null;
      this.chosen.set(person);
    });
    this.lookUp("");
  }

  protected find(text: string): void {
    this.search.set(text);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lookUp(text.trim()), 250);
  }

  private lookUp(q: string): void {
    this.api.people(q).then(
      (people) => this.found.set(people),
      () => undefined, // nothing more to offer; the chosen person stays
    );
  }
}
