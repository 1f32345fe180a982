import { NativeSelect, type NativeSelectProps } from "@mantine/core";
import { TYPE_OPTIONS } from "./labels.ts";

// What filing a ticket asks the same way in the agent portal and the desk portal.

export const enterTitle = (v: string) => (v.trim() ? null : "Enter a title");
export const chooseType = (v: string) => (v ? null : "Choose a type");

/** The required "Type" of a new ticket, with no type chosen at first. */
export function TicketTypeSelect(props: Omit<NativeSelectProps, "label" | "data">) {
  return (
    <NativeSelect
      label="Type"
      required
      data={[{ value: "", label: "Choose…", disabled: true }, ...TYPE_OPTIONS]}
      {...props}
    />
  );
}
