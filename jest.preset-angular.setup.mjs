// Every Angular test runs zoneless, like the app (provideZonelessChangeDetection).
import { setupZonelessTestEnv } from "jest-preset-angular/setup-env/zoneless/index.mjs";

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });
