import { ChangeDetectionStrategy, Component, inject } from "@angular/core";
import { MatButton } from "@angular/material/button";
import {
  MAT_DIALOG_DATA,
  type MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from "@angular/material/dialog";
import { firstValueFrom } from "rxjs";

export interface ConfirmOptions {
  title: string;
  message: string;
  /** The confirming button's words, e.g. "Revoke key" (never just "OK"). */
  confirmLabel: string;
  cancelLabel?: string;
  /** A destructive action: the confirming button is red. */
  danger?: boolean;
}

/** "Are you sure?" with the action named on the button; answers true only for the confirming button. */
@Component({
  selector: "ui-confirm-dialog",
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content><p class="ui-confirm__message">{{ data.message }}</p></mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ data.cancelLabel ?? "Cancel" }}</button>
      <button mat-flat-button type="button" [class.ui-danger]="data.danger" [mat-dialog-close]="true" cdkFocusInitial>
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `.ui-confirm__message { margin: 0; max-width: 52ch; }`,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmOptions>(MAT_DIALOG_DATA);
}

/** Opens the confirm dialog; resolves true when confirmed, false when cancelled or dismissed. */
export async function confirmAction(dialog: MatDialog, options: ConfirmOptions): Promise<boolean> {
  const ref = dialog.open<ConfirmDialogComponent, ConfirmOptions, boolean>(ConfirmDialogComponent, {
    data: options,
    width: "min(480px, calc(100vw - 32px))",
    autoFocus: "dialog",
  });
  return (await firstValueFrom(ref.afterClosed())) === true;
}
