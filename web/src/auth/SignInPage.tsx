import { Alert, NativeSelect } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router";
import { ApiError, errorMessage, fieldErrors } from "../api/errors.ts";
import { FullPageLoader } from "../ui/FullPageLoader.tsx";
import { SignInCard, signInRules } from "../ui/SignInCard.tsx";
import { homePath } from "./access.ts";
import { useSession, useSignIn } from "./session.ts";
import type { WorkspaceChoice } from "./types.ts";

function workspacesOf(error: unknown): WorkspaceChoice[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const tenants = error.body.tenants;
  return Array.isArray(tenants) ? (tenants as WorkspaceChoice[]) : null;
}

export function SignInPage() {
  useDocumentTitle("Sign in · Uslimato");
  const { data: session, isPending } = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [workspaces, setWorkspaces] = useState<WorkspaceChoice[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const form = useForm({
    initialValues: { email: "", password: "", tenant: "" },
    onValuesChange: (values, previous) => {
      if (values.email !== previous.email) setWorkspaces(null);
    },
    validate: {
      ...signInRules,
      tenant: (v) => (workspaces && !v ? "Choose a workspace" : null),
    },
  });

  if (isPending) return <FullPageLoader />;
  if (session && !signIn.isPending) return <Navigate to={homePath(session)} replace />;

  const onSubmit = form.onSubmit((values) => {
    setFailure(null);
    signIn.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        ...(workspaces ? { tenant: values.tenant } : {}),
      },
      {
        onSuccess: (signedIn) => navigate(homePath(signedIn), { replace: true }),
        onError: (error) => {
          const choices = workspacesOf(error);
          if (choices) {
            setWorkspaces(choices);
            form.setFieldValue("tenant", "");
            return;
          }
          form.setErrors(fieldErrors(error, { email: "Email", password: "Password" }));
          setFailure(errorMessage(error));
        },
      },
    );
  });

  return (
    <SignInCard
      intro="Sign in to your Uslimato workspace."
      failure={failure}
      notice={
        workspaces && !failure ? (
          <Alert color="blue">
            This email address belongs to several workspaces. Choose the one to sign in to.
          </Alert>
        ) : null
      }
      onSubmit={onSubmit}
      pending={signIn.isPending}
      email={form.getInputProps("email")}
      password={form.getInputProps("password")}
    >
      {workspaces ? (
        <NativeSelect
          label="Workspace"
          data={[
            { value: "", label: "Choose…", disabled: true },
            ...workspaces.map((w) => ({ value: w.slug, label: `${w.name} (${w.slug})` })),
          ]}
          required
          {...form.getInputProps("tenant")}
        />
      ) : null}
    </SignInCard>
  );
}
