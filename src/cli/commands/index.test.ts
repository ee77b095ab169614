import { describe, expect, it } from "vitest";
import { COMMANDS } from "./index.js";

describe("the command list", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    "loads %s as the command it lists",
    async (name, entry) => {
      const command = await entry.load();
      expect(command.name).toBe(name);
      expect(command.help).toMatch(new RegExp(`^Usage: tokenledger ${name}`));
    },
  );
});
