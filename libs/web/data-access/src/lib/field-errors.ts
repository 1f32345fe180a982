import type { AbstractControl, FormGroup, ValidationErrors } from "@angular/forms";
import { type Problem, problemOf } from "./problem.ts";

/**
 * The server's message as a sentence under its field: the API sends fragments ("is required") for some
 * fields and whole sentences ("Ticket prefix must be …") for others.
 */
export function asSentence(label: string, message: string): string {
  const text = /^[a-z]/.test(message) ? `${label} ${message}` : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Puts a refused request's field errors on the form's controls (as the `server` error, shown by
 * <mat-error>) and answers the message for the rest: null when every problem sits next to its field.
 * `fields` maps the server's field names to [control name, label]; nested paths ("permissions.2") count
 * for their first part.
 */
export function applyProblem(
  form: FormGroup,
  error: unknown,
  fields: Record<string, readonly [control: string, label: string]>,
): string | null {
  const problem = problemOf(error);
  let placed = 0;
  const messages = fieldMessages(problem);
  for (const [name, message] of Object.entries(messages)) {
    const target = fields[name];
    const control = target ? form.get(target[0]) : null;
    if (!target || !control) continue;
    setServerError(control, asSentence(target[1], message));
    placed++;
  }
  if (placed > 0 && placed === Object.keys(messages).length) return null;
  return problem.detail ?? problem.title;
}

/**
 * The first message per field (by its first path segment) as the server wrote it: the raw `errors` keep
 * fragments ("is required") recognisable, so they can be completed with the field's label.
 */
function fieldMessages(problem: Problem): Record<string, string> {
  const raw = problem.body?.errors;
  if (!Array.isArray(raw)) return problem.fieldErrors;
  const result: Record<string, string> = {};
  for (const e of raw as { field?: unknown; message?: unknown }[]) {
    if (typeof e?.field !== "string" || typeof e.message !== "string") continue;
    result[e.field.split(".")[0] ?? e.field] ??= e.message;
  }
  return result;
}

/** Text that must not be empty once trimmed; a validator with the error key `required` (as Validators.required). */
export function notBlank(control: AbstractControl): ValidationErrors | null {
  return String(control.value ?? "").trim() ? null : { required: true };
}

export function setServerError(control: AbstractControl, message: string): void {
  control.setErrors({ ...(control.errors ?? {}), server: message });
  control.markAsTouched();
}

/** The message to show under a control: the server's, or the form's own for `required`/`pattern`/…. */
export function errorText(control: AbstractControl | null, messages: Record<string, string> = {}): string {
  const errors = control?.errors;
  if (!errors) return "";
  if (typeof errors.server === "string") return errors.server;
  for (const key of Object.keys(errors)) if (messages[key]) return messages[key];
  return "";
}
