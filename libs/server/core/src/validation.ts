import { type ArgumentMetadata, Injectable, ValidationPipe } from "@nestjs/common";
import type { ValidationError } from "class-validator";
import { AppError, type FieldError } from "./errors.ts";

/**
 * The global ValidationPipe: DTO classes with class-validator decorators describe every body, query and
 * path; unknown fields are refused by name (no mass assignment), values are transformed to the DTO's
 * types, and a refusal is a 422 problem with one entry per field ("errors": [{ field, message }]).
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // A missing body is an empty object to validate, so required fields are named.
      forbidUnknownValues: false,
      validationError: { target: false, value: false },
      exceptionFactory: (errors: ValidationError[]) => new ValidationFailed(fieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only DTO classes are validated (a `@Param("id") id: string` without a DTO is not).
    if (metadata.type === "custom") return value;
    try {
      return await super.transform(metadata.type === "body" && value == null ? {} : value, metadata);
    } catch (err) {
      if (!(err instanceof ValidationFailed)) throw err;
      const where = metadata.type === "param" ? "path" : metadata.type;
      const detail = err.errors.map((e) => `${e.field}: ${e.message}`).join("; ");
      throw new AppError("validation_failed", `The ${where} is not valid: ${detail}`, { errors: err.errors });
    }
  }
}

class ValidationFailed extends Error {
  constructor(readonly errors: FieldError[]) {
    super("validation failed");
  }
}

/**
 * class-validator's errors as `{ field, message }`, nested fields as "a.b.0". Messages name the field in
 * `field`, so the message itself starts after the property name ("title must be …" → "must be …");
 * an unknown field reads "is not a known field". One message per field: the first constraint that failed.
 */
export function fieldErrors(errors: ValidationError[], parent = ""): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const own: FieldError[] = [];
    if (constraints.length > 0) {
      const [kind, text] = (constraints.find(([k]) => k === "whitelistValidation") ?? constraints[0]) as [
        string,
        string,
      ];
      own.push({
        field,
        message:
          kind === "whitelistValidation" ? "is not a known field" : stripProperty(text, error.property),
      });
    }
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
