import { Alert, Button, Group, type MantineColor, type MantineSpacing, Stack } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { errorMessage, fieldErrors } from "../api/errors.ts";
import { readableAlert, readableErrors } from "../tickets/common/contrast.ts";
import { AppModal } from "./Dialogs.tsx";

interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: "lg" | "xl";
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** A failure that is not about one field, in an alert above the fields (none while `message` is null). */
  failure?: { title: string; message: string | null };
  /** The ticket pages' look: their error red and the alert's title in the text colour (contrast.ts). */
  readable?: boolean;
  gap?: "md" | "lg";
  /** The fields, then the `FormActions`. */
  children: ReactNode;
}

/** A dialog that is one form: its fields, the server's failure and the buttons. */
export function FormModal({
  opened,
  onClose,
  title,
  size,
  onSubmit,
  failure,
  readable = false,
  gap = "md",
  children,
}: FormModalProps) {
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form style={readable ? readableErrors : undefined} onSubmit={onSubmit} noValidate>
        <Stack gap={gap}>
          {failure?.message ? (
            <Alert color="red" styles={readable ? readableAlert("red") : undefined} title={failure.title}>
              {failure.message}
            </Alert>
          ) : null}
          {children}
        </Stack>
      </form>
    </AppModal>
  );
}

/** Under a form: the way out ("Cancel") and the submit button. */
export function FormActions({
  onCancel,
  cancelLabel = "Cancel",
  submitLabel,
  loading,
  color,
  mt,
}: {
  onCancel: () => void;
  cancelLabel?: string;
  submitLabel: string;
  loading: boolean;
  color?: MantineColor;
  mt?: MantineSpacing;
}) {
  return (
    <Group justify="flex-end" gap="sm" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" color={color} loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}

interface ResettableForm {
  reset: () => void;
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * The state of a dialog that creates something: `fail` puts the server's field errors next to their fields
 * (`labels` make its fragments read as sentences; `fieldOf` renames a server field to the form's) and any
 * other failure into `failure`; `close` empties the form and the failure before `onClose`.
 */
export function useModalForm({
  form,
  labels = {},
  fieldOf = {},
  onClose,
}: {
  form: ResettableForm;
  labels?: Record<string, string>;
  fieldOf?: Record<string, string>;
  onClose: () => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  return {
    failure,
    setFailure,
    close: () => {
      form.reset();
      setFailure(null);
      onClose();
    },
    fail: (error: unknown) => {
      const errors = fieldErrors(error, labels);
      form.setErrors(
        Object.fromEntries(
          Object.entries(errors).map(([field, message]) => [fieldOf[field] ?? field, message]),
        ),
      );
      setFailure(Object.keys(errors).length > 0 ? null : errorMessage(error));
    },
  };
}
