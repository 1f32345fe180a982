import { PasswordInput, type PasswordInputProps } from "@mantine/core";

/**
 * A password input whose reveal toggle is named "Show characters", so that "Password" names only the
 * field itself.
 */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput visibilityToggleButtonProps={{ "aria-label": "Show characters" }} {...props} />;
}
