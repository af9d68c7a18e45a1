import type { FormRule } from "antd";

/**
 * Turns a domain check (message or null) into an antd rule; empty values are left to `required`.
 * With `warningOnly` the message shows under the field without blocking submission.
 */
export function checkRule(check: (value: string) => string | null, warningOnly = false): FormRule {
  return {
    warningOnly,
    validator: async (_rule, value: string | undefined) => {
      if (!value) return;
      const message = check(value);
      if (message) throw new Error(message);
    },
  };
}
