import { type ChangeEvent, useState } from "react";
import { errorMessage, fieldErrors } from "../../api/errors.ts";
import { notifyFailure } from "./notify.ts";

/**
 * The text of a comment box (or of a comment sent with a request) and its error. `fail` shows the server's
 * message about `field` under the text; any other failure shows there too, and as a notification titled
 * `failureTitle`.
 */
export function useCommentDraft(field: string, failureTitle: string) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  return {
    text,
    setText,
    setError,
    /** After the text was sent. */
    clear: () => {
      setText("");
      setError(null);
    },
    /** For the Textarea: typing clears the error. */
    inputProps: {
      value: text,
      error,
      onChange: (event: ChangeEvent<HTMLTextAreaElement>) => {
        setText(event.currentTarget.value);
        if (error) setError(null);
      },
    },
    fail: (failure: unknown) => {
      const message = fieldErrors(failure, { [field]: "Comment" })[field];
      setError(message ?? errorMessage(failure));
      if (!message) notifyFailure(failure, failureTitle);
    },
  };
}
