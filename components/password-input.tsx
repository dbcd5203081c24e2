"use client";

import { useState, useSyncExternalStore, type InputHTMLAttributes } from "react";
import { useSharedWords } from "./shared-words";

const subscribeNever = () => () => {};

/**
 * A password input with a Show/Hide button (Field renders it for every
 * `type="password"`). The button appears only once hydrated: without
 * JavaScript it could do nothing, so the page has a plain password field.
 */
export function PasswordInput(props: InputHTMLAttributes<HTMLInputElement> & { id: string }) {
  const { forms } = useSharedWords();
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [shown, setShown] = useState(false);
  return (
    <div className="password-input">
      <input {...props} type={shown ? "text" : "password"} />
      {hydrated ? (
        <button
          type="button"
          className="password-toggle"
          aria-controls={props.id}
          aria-pressed={shown}
          // A mouse click leaves the caret in the field; keyboard users stay on the button.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setShown(!shown)}
        >
          {shown ? forms.hidePassword : forms.showPassword}
        </button>
      ) : null}
    </div>
  );
}
