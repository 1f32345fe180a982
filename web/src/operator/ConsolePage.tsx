import { Button, Divider, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useSearchParams } from "react-router";
import { EmptyList } from "../ui/EmptyList.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";
import { QueryList } from "../ui/QueryStatus.tsx";
import { AlertsSection } from "./AlertsSection.tsx";
import { NewTenantModal } from "./NewTenantModal.tsx";
import { useTenants } from "./queries.ts";
import { TenantDrawer } from "./TenantDrawer.tsx";
import { TenantsTable } from "./TenantsTable.tsx";

/** The operator console: every tenant with its license and usage, and the quota alerts. */
export function ConsolePage() {
  const tenants = useTenants();
  const [creating, { open, close }] = useDisclosure(false);
  const [params, setParams] = useSearchParams();
  const selectedSlug = params.get("tenant");
  const selected = tenants.data?.find((t) => t.slug === selectedSlug);

  const select = (slug: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (slug) next.set("tenant", slug);
      else next.delete("tenant");
      return next;
    });

  return (
    <Stack gap="xl">
      <Stack gap="lg">
        <PageHeader
          title="Tenants"
          description="Workspaces on Uslimato, their ITSM add-on license and this month's usage."
          actions={<Button onClick={open}>New tenant</Button>}
        />
        <QueryList
          query={tenants}
          label="tenants"
          empty={<EmptyList title="No tenants yet" description="Create the first one with “New tenant”." />}
        >
          {(list) => <TenantsTable tenants={list} onManage={select} />}
        </QueryList>
      </Stack>
      <Divider />
      <AlertsSection />
      <NewTenantModal opened={creating} onClose={close} />
      <TenantDrawer tenant={selected} onClose={() => select(null)} />
    </Stack>
  );
}
