import { NavLink, Stack } from "@mantine/core";
import { Link, useLocation } from "react-router";
import { access } from "../auth/access.ts";
import { useCurrentSession } from "../auth/SessionContext.ts";
import type { Session } from "../auth/types.ts";
import { canManageApiKeys } from "../settings/api-keys/ApiKeysPage.tsx";
import { canManageItsm } from "../settings/itsm/ItsmSettingsPage.tsx";

interface NavItem {
  label: string;
  to: string;
  visible: (session: Session) => boolean;
  children?: NavItem[];
}

const items: NavItem[] = [
  { label: "Assets", to: "/assets", visible: access.assets },
  { label: "Tickets", to: "/tickets", visible: access.tickets },
  { label: "Desk", to: "/desk", visible: access.desk },
  {
    label: "Settings",
    to: "/settings",
    visible: access.settings,
    children: [
      { label: "Users", to: "/settings/users", visible: access.users },
      { label: "Permissions", to: "/settings/permissions", visible: access.users },
      { label: "ITSM", to: "/settings/itsm", visible: canManageItsm },
      { label: "API keys", to: "/settings/api-keys", visible: canManageApiKeys },
    ],
  },
];

function isUnder(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The main navigation: only what this user may use. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const session = useCurrentSession();
  const { pathname } = useLocation();

  return (
    <Stack gap={2}>
      {items
        .filter((item) => item.visible(session))
        .map((item) => {
          const under = isUnder(pathname, item.to);
          const children = item.children?.filter((child) => child.visible(session)) ?? [];
          return (
            <div key={item.to}>
              <NavLink
                component={Link}
                to={item.to}
                label={item.label}
                active={under && children.length === 0}
                aria-current={pathname === item.to ? "page" : undefined}
                fw={under ? 600 : 500}
                onClick={onNavigate}
              />
              {under && children.length > 0 ? (
                <Stack gap={2} pl="md" mt={2}>
                  {children.map((child) => (
                    <NavLink
                      key={child.to}
                      component={Link}
                      to={child.to}
                      label={child.label}
                      active={isUnder(pathname, child.to)}
                      aria-current={isUnder(pathname, child.to) ? "page" : undefined}
                      onClick={onNavigate}
                    />
                  ))}
                </Stack>
              ) : null}
            </div>
          );
        })}
    </Stack>
  );
}
