import { Stack } from "@mantine/core";
import { EmptyList } from "../ui/EmptyList.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

/** The end users' desk portal (ITSM, end_user_portal): their own tickets. */
export function DeskPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Desk" description="Your requests to the service desk and their status." />
      <EmptyList title="No tickets yet" description="Issues and requests you report will be listed here." />
    </Stack>
  );
}
