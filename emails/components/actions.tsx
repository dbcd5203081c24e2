import { Button, Link, Section, Text } from "@react-email/components";
import { muted, textOn } from "./styles";

export type Action = { label: string; href: string };

/** Class the plain-text converter looks for to print "Label: URL". */
export const ACTION_CLASS = "mg-action";

/** One or more buttons in the brand colour; the text part shows "Label: URL". */
export function Actions({ actions, color }: { actions: readonly Action[]; color: string }) {
  return (
    <Section style={{ margin: "4px 0 16px" }}>
      {actions.map((action, index) => (
        <Button
          key={action.href}
          href={action.href}
          className={ACTION_CLASS}
          style={{
            backgroundColor: color,
            color: textOn(color),
            borderRadius: "8px",
            padding: "12px 20px",
            fontSize: "16px",
            lineHeight: "20px",
            fontWeight: 600,
            textDecoration: "none",
            margin: index > 0 ? "0 0 8px 8px" : "0 0 8px",
          }}
        >
          {action.label}
        </Button>
      ))}
    </Section>
  );
}

/** The raw URL under a button, for clients that mangle buttons; HTML only. */
export function RawLink({ intro, href }: { intro: string; href: string }) {
  return (
    <Text style={{ ...muted, wordBreak: "break-all" }} data-skip-in-text="true">
      {intro}{" "}
      <Link href={href} style={{ color: "inherit" }}>
        {href}
      </Link>
    </Text>
  );
}
