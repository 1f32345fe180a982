import { Button, Center, Text } from "@mantine/core";

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** Under a paged ticket list: "Load more" while there is more, then how many tickets it holds. */
export function ListEnd({ pages, count, ending = "" }: { pages: Pages; count: number; ending?: string }) {
  return (
    <Center>
      {pages.hasNextPage ? (
        <Button
          variant="default"
          loading={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          Load more
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {count === 1 ? "1 ticket" : `${count} tickets`}
          {ending}
        </Text>
      )}
    </Center>
  );
}
