import { Stack } from "@mantine/core";
import { EmptyList } from "../ui/EmptyList.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export function AssetsPage() {
  return (
    <Stack gap="lg">
      <PageHeader
        title="Assets"
        description="Hardware, software and everything else your organisation tracks."
      />
      <EmptyList title="No assets yet" description="Assets you add will be listed here." />
    </Stack>
  );
}
