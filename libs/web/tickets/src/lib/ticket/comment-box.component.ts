import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from "@angular/core";
import { FormControl, ReactiveFormsModule } from "@angular/forms";
import { MatButton } from "@angular/material/button";
import { MatError, MatFormField, MatHint, MatLabel } from "@angular/material/form-field";
import { MatIcon } from "@angular/material/icon";
import { MatInput } from "@angular/material/input";
import { MatRadioButton, MatRadioGroup } from "@angular/material/radio";
import { problemOf } from "@uslimato/web-data-access";
import type { Visibility } from "../common/types.ts";
import { TicketStore } from "./ticket.store.ts";

const LOOK: Record<Visibility, { hint: string; submit: string; icon: string; empty: string }> = {
  internal: {
    hint: "Only agents see internal notes. The reporter is not notified.",
    submit: "Add internal note",
    icon: "lock",
    empty: "Write the note first",
  },
  external: {
    hint: "The reporter sees this reply in the desk portal and gets it by email.",
    submit: "Send reply to reporter",
    icon: "reply",
    empty: "Write the reply first",
  },
};

/**
 * The agent's comment box. It starts on "Internal note", the safe choice; writing to the reporter is a
 * deliberate switch, and the box changes colour, icon and wording so nobody sends one believing it is
 * the other. A failed send keeps the text.
 */
@Component({
  selector: "us-comment-box",
  imports: [
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
    ReactiveFormsModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [class]="'box box--' + visibility()" aria-label="New note or reply" (submit)="$event.preventDefault(); submit()" novalidate>
      <div class="who">
        <span id="who-sees-it" class="who__label">Who sees it</span>
        <mat-radio-group aria-labelledby="who-sees-it" [value]="visibility()" (change)="visibility.set($event.value)" [name]="'visibility-' + ticketId()">
          <mat-radio-button value="internal"><mat-icon aria-hidden="true">lock</mat-icon>Internal note</mat-radio-button>
          <mat-radio-button value="external"><mat-icon aria-hidden="true">reply</mat-icon>Reply to reporter</mat-radio-button>
        </mat-radio-group>
      </div>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Comment</mat-label>
        <textarea matInput [formControl]="body" rows="4"></textarea>
        <mat-hint>{{ look().hint }}</mat-hint>
        <mat-error>{{ error() }}</mat-error>
      </mat-form-field>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="sending()"><mat-icon>{{ look().icon }}</mat-icon>{{ sending() ? "Sending…" : look().submit }}</button>
      </div>
    </form>
  `,
  styles: `
    .box { display: flex; flex-direction: column; gap: 8px; padding: 14px 16px; border-radius: 12px;
      border: 1px solid var(--ui-border); border-left-width: 5px; }
    .box--internal { background: var(--ui-internal-bg); border-color: var(--ui-internal-border); border-style: dashed;
      border-left-style: solid; }
    .box--external { background: var(--ui-external-bg); border-color: var(--ui-external-border); }
    .who { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 12px; }
    .who__label { font-weight: 600; font-size: 0.875rem; }
    mat-radio-button mat-icon { font-size: 16px; width: 16px; height: 16px; vertical-align: -3px; margin-right: 4px; }
    textarea { background: transparent; }
    .actions { display: flex; justify-content: flex-end; }
    .box--internal .actions button { --mat-button-filled-container-color: #f2c230; --mat-button-filled-label-text-color: #2e2100; }
    .box--external .actions button { --mat-button-filled-container-color: #1d47b8; --mat-button-filled-label-text-color: #fff; }
  `,
})
export class CommentBoxComponent {
  readonly ticketId = input.required<string>();
  private readonly store = inject(TicketStore);
  protected readonly visibility = signal<Visibility>("internal");
  protected readonly look = computed(() => LOOK[this.visibility()]);
  protected readonly sending = signal(false);
  protected readonly error = signal("");
  protected readonly body = new FormControl("", { nonNullable: true });

  protected async submit(): Promise<void> {
    const text = this.body.value;
    if (!text.trim()) {
      this.fail(this.look().empty);
      return;
    }
    this.sending.set(true);
    try {
      await this.store.comment(text, this.visibility());
      this.body.reset("");
      this.visibility.set("internal"); // back on the safe default after sending
    } catch (err) {
      const p = problemOf(err);
      this.fail(p.fieldErrors.body ?? `Could not add the comment. ${p.detail ?? p.title}`);
    } finally {
      this.sending.set(false);
    }
  }

  private fail(message: string): void {
    this.error.set(message);
    this.body.setErrors({ invalid: true });
    this.body.markAsTouched();
  }
}
