import { Section, Text } from "@react-email/components";
import { MONO, inkFor } from "./styles";

const SPACING = "0.3em";

/**
 * The code, large and letter-spaced, as ONE run of text: a double-click or a
 * long press selects all of it and copying gives exactly the digits (letter
 * spacing adds no characters, unlike per-digit boxes).
 */
export function CodeBlock({ code, color }: { code: string; color: string }) {
  return (
    <Section className="mg-code" style={{ border: `2px solid ${color}`, borderRadius: "10px", backgroundColor: "#f9fafb", margin: "4px 0 16px", textAlign: "center" }}>
      <Text
        style={{
          color: inkFor(color),
          fontFamily: MONO,
          fontSize: "32px",
          lineHeight: "40px",
          fontWeight: 700,
          letterSpacing: SPACING,
          // The last letter's spacing would push the code off centre.
          paddingLeft: SPACING,
          margin: "14px 0",
          userSelect: "all",
          WebkitUserSelect: "all",
        }}
      >
        {code}
      </Text>
    </Section>
  );
}
