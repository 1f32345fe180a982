import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from "@angular/core";
import { MatIconRegistry } from "@angular/material/icon";
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from "@angular/router";
import { provideApi } from "@uslimato/web-data-access";
import { APP_ROUTES } from "./app.routes.ts";

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      APP_ROUTES,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: "top" }),
    ),
    provideApi(),
    // The icon font is shipped with the app (@fontsource/material-symbols-outlined).
    provideAppInitializer(() => {
      inject(MatIconRegistry).setDefaultFontSetClass("material-symbols-outlined");
    }),
  ],
};
