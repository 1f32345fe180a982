import { NativeSelect, type NativeSelectProps, TextInput, type TextInputProps } from "@mantine/core";
import { SearchIcon } from "./icons.tsx";
import { TYPE_OPTIONS } from "./labels.ts";

// Fields that the agent portal and the desk portal ask the same way.

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

/** Searching a ticket list by number or words. */
export function TicketSearch(props: Omit<TextInputProps, "label" | "type" | "placeholder" | "leftSection">) {
  return (
    <TextInput
      label="Search"
      type="search"
      placeholder="Number or words"
      leftSection={<SearchIcon />}
      {...props}
    />
  );
}
