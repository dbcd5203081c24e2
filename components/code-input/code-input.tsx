"use client";

import { useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { fillWord, useSharedWords } from "../shared-words";
import { boxesOf, CODE_LENGTH, placeDigits, typedText } from "./digits";

type CodeInputProps = {
  label: string;
  /** The code the server put back after a wrong try (what was typed, never the right code). */
  defaultValue?: string;
  errors?: string[];
  autoFocus?: boolean;
};

const ID = "field-code";

/**
 * The code field of every emailed-code form. The server renders one plain
 * input, so the form works without JavaScript; once hydrated it becomes six
 * boxes that take a paste or the phone's autofill in any box, move on as
 * digits are typed and back on Backspace. Either way the form posts one
 * `code` field.
 */
export function CodeInput({ label, defaultValue = "", errors, autoFocus }: CodeInputProps) {
  const { forms } = useSharedWords();
  const plain = useRef<HTMLInputElement>(null);
  const refs = useRef<(HTMLInputElement | null)[]>([]);
  const [boxes, setBoxes] = useState<string[] | null>(null);
  const errorId = `${ID}-error`;
  const invalid = errors?.length ? true : undefined;
  const describedBy = invalid ? errorId : undefined;

  // After hydration (before the next paint): what was typed into the plain
  // input carries over, and so does its focus, to the first empty box.
  const focusOnSwap = useRef<number | null>(null);
  useLayoutEffect(() => {
    const input = plain.current;
    if (!input) return;
    const typed = boxesOf(input.value);
    if (document.activeElement === input) focusOnSwap.current = Math.max(0, typed.indexOf(""));
    setBoxes(typed);
  }, []);
  useLayoutEffect(() => {
    if (focusOnSwap.current === null || !boxes) return;
    refs.current[focusOnSwap.current]?.focus();
    focusOnSwap.current = null;
  }, [boxes]);

  const place = (at: number, text: string) => {
    if (!boxes) return;
    const next = placeDigits(boxes, at, text);
    setBoxes(next.boxes);
    refs.current[next.focus]?.focus();
  };

  const onKeyDown = (at: number, event: KeyboardEvent<HTMLInputElement>) => {
    if (!boxes) return;
    const move = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: CODE_LENGTH - 1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      refs.current[Math.max(0, Math.min(CODE_LENGTH - 1, move))]?.focus();
    } else if (event.key === "Backspace" && !boxes[at] && at > 0) {
      // An empty box: Backspace clears the one before and goes there.
      event.preventDefault();
      setBoxes(boxes.map((digit, i) => (i === at - 1 ? "" : digit)));
      refs.current[at - 1]?.focus();
    }
  };

  const onPaste = (at: number, event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    place(at, event.clipboardData.getData("text"));
  };

  const onChange = (at: number, value: string) => {
    if (!boxes) return;
    if (value === "") return setBoxes(boxes.map((digit, i) => (i === at ? "" : digit)));
    place(at, typedText(boxes[at]!, value));
  };

  return (
    <div className="field">
      <label id={`${ID}-label`} htmlFor={ID}>
        {label}
      </label>
      {boxes ? (
        <div role="group" aria-labelledby={`${ID}-label`} aria-describedby={describedBy} className="code-boxes">
          {boxes.map((digit, i) => (
            <input
              key={i}
              ref={(el) => {
                refs.current[i] = el;
              }}
              id={i === 0 ? ID : undefined}
              className="code-box"
              aria-label={fillWord(forms.digit, { position: i + 1, total: CODE_LENGTH })}
              aria-invalid={invalid}
              inputMode="numeric"
              autoComplete={i === 0 ? "one-time-code" : "off"}
              value={digit}
              onChange={(event) => onChange(i, event.target.value)}
              onKeyDown={(event) => onKeyDown(i, event)}
              onPaste={(event) => onPaste(i, event)}
              onFocus={(event) => event.target.select()}
            />
          ))}
          <input type="hidden" name="code" value={boxes.join("")} />
        </div>
      ) : (
        <input
          ref={plain}
          id={ID}
          name="code"
          className="code-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={16}
          required
          autoFocus={autoFocus}
          defaultValue={defaultValue}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      )}
      {invalid ? (
        <p id={errorId} className="field-error" role="alert">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
