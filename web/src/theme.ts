import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * Required fields carry `required` (and so aria-required) but no asterisk in the label: labels stay exactly
 * their words ("Email", "Password"), and optional fields say so in their description instead.
 */
const noAsterisk = { defaultProps: { withAsterisk: false } };

export const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 keeps white button text and blue links above 4.5:1 contrast.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: "md",
  fontFamily:
    "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "650" },
  components: {
    TextInput: noAsterisk,
    PasswordInput: noAsterisk,
    NumberInput: noAsterisk,
    NativeSelect: noAsterisk,
    Select: noAsterisk,
    Textarea: noAsterisk,
  },
});

/** Secondary ("dimmed") and error text darker than Mantine's defaults, for readable contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Error text (field errors) in red-8: Mantine's default red is below 4.5:1 on white.
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-8)",
  },
  dark: {},
});
