import { Stack } from "@mantine/core";
import { EmptyList } from "../ui/EmptyList.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

/** The agents' ticket queue (ITSM, agent_portal). */
export function TicketsPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Tickets" description="The service desk queue: incidents and service requests." />
      <EmptyList
        title="No tickets yet"
        description="Tickets reported by your users will appear in this queue."
      />
    </Stack>
  );
}
