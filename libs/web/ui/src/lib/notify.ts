import { Injectable, inject } from "@angular/core";
import { MatSnackBar } from "@angular/material/snack-bar";

/**
 * The message of a failure: `detail || title` of an ApiProblem (every failed call under `provideApi()`
 * rejects with one), else the error's own message. Read structurally because ui does not depend on
 * data-access.
 */
function failureMessage(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const problem = (error as { problem?: { detail?: string; title?: string } }).problem;
    if (problem && typeof problem.title === "string") return problem.detail || problem.title;
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}

/** Short confirmations and failures of actions that have no field to show them next to. */
@Injectable({ providedIn: "root" })
export class Notify {
  private readonly snackBar = inject(MatSnackBar);

  done(message: string): void {
    this.snackBar.open(message, "Dismiss", { duration: 5000, politeness: "polite" });
  }

  failed(what: string, error: unknown): void {
    this.snackBar.open(`${what}: ${failureMessage(error)}`, "Dismiss", {
      duration: 10000,
      politeness: "assertive",
    });
  }
}
