import type { FormEvent, ReactNode } from "react";
import { FormActions, FormModal } from "../../ui/FormModal.tsx";

/** The "New ticket" dialog of both portals around their fields: the failure, Cancel and "Create ticket". */
export function NewTicketDialog({
  opened,
  onClose,
  onSubmit,
  failure,
  creating,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  failure: string | null;
  creating: boolean;
  children: ReactNode;
}) {
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title="New ticket"
      size="lg"
      onSubmit={onSubmit}
      failure={{ title: "Could not create the ticket", message: failure }}
      readable
    >
      {children}
      <FormActions onCancel={onClose} submitLabel="Create ticket" loading={creating} mt="xs" />
    </FormModal>
  );
}
