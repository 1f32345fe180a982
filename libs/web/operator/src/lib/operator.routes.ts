import { inject } from "@angular/core";
import { type CanActivateFn, Router, type Routes } from "@angular/router";
import { ConsolePageComponent } from "./console-page.component.ts";
import { OperatorLayoutComponent } from "./operator-layout.component.ts";
import { OperatorNotFoundComponent } from "./operator-not-found.component.ts";
import { OperatorSessionStore } from "./operator-session.store.ts";
import { OperatorSignInComponent } from "./sign-in.component.ts";

/** The console's routes: only for a signed-in operator; anyone else goes to the operator sign-in. */
const operatorOnly: CanActivateFn = async () => {
  const router = inject(Router);
  const session = await inject(OperatorSessionStore)
    .load()
    .catch(() => null);
  return session ? true : router.parseUrl("/operator/sign-in");
};

/** A signed-in operator has nothing to do on the sign-in page. */
const signedOutOnly: CanActivateFn = async () => {
  const router = inject(Router);
  const session = await inject(OperatorSessionStore)
    .load()
    .catch(() => null);
  return session ? router.parseUrl("/operator") : true;
};

/** Mounted at /operator (lazy). */
export const OPERATOR_ROUTES: Routes = [
  {
    path: "sign-in",
    title: "Operator sign-in · Uslimato",
    canActivate: [signedOutOnly],
    component: OperatorSignInComponent,
  },
  {
    path: "",
    canActivate: [operatorOnly],
    component: OperatorLayoutComponent,
    children: [
      { path: "", pathMatch: "full", title: "Operator console · Uslimato", component: ConsolePageComponent },
      { path: "**", title: "Not found · Uslimato", component: OperatorNotFoundComponent },
    ],
  },
];
