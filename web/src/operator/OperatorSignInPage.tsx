import { useForm } from "@mantine/form";
import { useDocumentTitle } from "@mantine/hooks";
import { useState } from "react";
import { Navigate, useNavigate } from "react-router";
import { errorMessage } from "../api/errors.ts";
import { FullPageLoader } from "../ui/FullPageLoader.tsx";
import { SignInCard, signInRules } from "../ui/SignInCard.tsx";
import { OperatorBadge } from "./OperatorBadge.tsx";
import { useOperatorSession, useOperatorSignIn } from "./queries.ts";

export function OperatorSignInPage() {
  useDocumentTitle("Operator sign-in · Uslimato");
  const { data: session, isPending } = useOperatorSession();
  const signIn = useOperatorSignIn();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: signInRules,
  });

  if (isPending) return <FullPageLoader />;
  if (session && !signIn.isPending) return <Navigate to="/operator" replace />;

  const onSubmit = form.onSubmit((values) => {
    setFailure(null);
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => navigate("/operator", { replace: true }),
        onError: (error) => setFailure(errorMessage(error)),
      },
    );
  });

  return (
    <SignInCard
      badge={<OperatorBadge />}
      intro="For the Uslimato team. Workspace users sign in on the regular sign-in page."
      failure={failure}
      onSubmit={onSubmit}
      pending={signIn.isPending}
      email={form.getInputProps("email")}
      password={form.getInputProps("password")}
    />
  );
}
