import { Checkbox, SimpleGrid, Stack } from "@mantine/core";
import type { Permission } from "../types.ts";

interface PermissionChecklistProps {
  catalogue: Permission[];
  value: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  /** Shown under the ITSM section, e.g. when the add-on is not licensed. */
  itsmNote?: string;
}

function Section(props: {
  label: string;
  description?: string;
  permissions: Permission[];
  value: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
}) {
  const names = new Set(props.permissions.map((p) => p.name));
  const inSection = props.value.filter((name) => names.has(name));
  const outside = props.value.filter((name) => !names.has(name));
  return (
    <Checkbox.Group
      label={props.label}
      description={props.description}
      value={inSection}
      onChange={(next) => props.onChange([...outside, ...next])}
      disabled={props.disabled}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" mt="xs">
        {props.permissions.map((permission) => (
          <Checkbox
            key={permission.name}
            value={permission.name}
            label={permission.name}
            description={permission.description}
            disabled={props.disabled}
          />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

/** The catalogue's natural reading order (read before manage; create, manage, close); unknown names last. */
const ORDER = [
  "assets:read",
  "assets:manage",
  "users:manage",
  "settings:manage",
  "tickets:create",
  "tickets:manage",
  "tickets:close",
];

function byOrder(a: Permission, b: Permission): number {
  const rank = (p: Permission) => (ORDER.includes(p.name) ? ORDER.indexOf(p.name) : ORDER.length);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/** The permission catalogue as checkboxes: platform permissions, then the ITSM ones in their own section. */
export function PermissionChecklist({
  catalogue,
  value,
  onChange,
  disabled,
  itsmNote,
}: PermissionChecklistProps) {
  const sorted = [...catalogue].sort(byOrder);
  const platform = sorted.filter((p) => !p.itsm);
  const itsm = sorted.filter((p) => p.itsm);
  return (
    <Stack gap="lg">
      {platform.length > 0 ? (
        <Section
          label="Platform"
          permissions={platform}
          value={value}
          onChange={onChange}
          disabled={disabled}
        />
      ) : null}
      {itsm.length > 0 ? (
        <Section
          label="ITSM"
          description={itsmNote ?? "Service desk permissions. Holders of tickets:manage use an agent seat."}
          permissions={itsm}
          value={value}
          onChange={onChange}
          disabled={disabled}
        />
      ) : null}
    </Stack>
  );
}
