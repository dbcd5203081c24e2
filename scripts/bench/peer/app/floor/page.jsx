// One form whose action is the empty server action in ./actions.js, for
// the bench's framework floor (scripts/bench/floor.ts).
import { floor } from "./actions.js";

export default function FloorPage() {
  return (
    <form action={floor}>
      <button type="submit">Submit</button>
    </form>
  );
}
