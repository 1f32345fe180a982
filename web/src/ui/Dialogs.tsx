import { Drawer, type DrawerRootProps, Modal, type ModalRootProps } from "@mantine/core";
import type { ReactNode } from "react";

/*
 * Modal and Drawer assembled from their parts so that the dialog's header is a plain element (the page
 * keeps a single banner landmark) and the close button is named.
 */

type AppModalProps = Omit<ModalRootProps, "title" | "children"> & { title: ReactNode; children: ReactNode };

export function AppModal({ title, children, ...props }: AppModalProps) {
  return (
    <Modal.Root {...props}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title fw={600} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

type AppDrawerProps = Omit<DrawerRootProps, "title" | "children"> & { title: ReactNode; children: ReactNode };

export function AppDrawer({ title, children, ...props }: AppDrawerProps) {
  return (
    <Drawer.Root {...props}>
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header component="div">
          <Drawer.Title fw={600} fz="xl">
            {title}
          </Drawer.Title>
          <Drawer.CloseButton aria-label="Close" />
        </Drawer.Header>
        <Drawer.Body>{children}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
