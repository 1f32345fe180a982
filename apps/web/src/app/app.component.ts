import { ChangeDetectionStrategy, Component, EnvironmentInjector, effect, inject } from "@angular/core";
import { RouterOutlet } from "@angular/router";
import { SessionStore } from "@uslimato/web-data-access";

@Component({
  selector: "app-root",
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: "<router-outlet />",
})
export class AppComponent {
  constructor() {
    // One place for every shell: a session that ends mid-work asks to sign in again over the page.
    // The dialog (and the forms code) loads only then, to keep the first download small.
    const store = inject(SessionStore);
    const injector = inject(EnvironmentInjector);
    effect(() => {
      if (store.expired()) void openExpiredDialog(injector);
    });
  }
}

async function openExpiredDialog(injector: EnvironmentInjector): Promise<void> {
  const [{ MatDialog }, { ExpiredSessionDialogComponent }] = await Promise.all([
    import("@angular/material/dialog"),
    import("./sign-in/expired-session-dialog.component.ts"),
  ]);
  const dialog = injector.get(MatDialog);
  if (dialog.getDialogById("expired-session")) return;
  dialog.open(ExpiredSessionDialogComponent, {
    width: "min(440px, calc(100vw - 32px))",
    disableClose: true,
    id: "expired-session",
  });
}
