import { notifications } from "@mantine/notifications";
import { errorMessage } from "../api/errors.ts";

/** The notifications' close button, named for screen readers (Mantine leaves it unnamed). */
const closeButtonProps = { "aria-label": "Dismiss notification" } as const;

export function notifyError(error: unknown, title = "That did not work") {
  notifications.show({
    color: "red",
    title,
    message: errorMessage(error),
    autoClose: 8000,
    closeButtonProps,
  });
}

export function notifySuccess(message: string, title?: string) {
  notifications.show({ color: "green", title, message, closeButtonProps });
}
