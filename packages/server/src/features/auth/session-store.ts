import type { SessionStore } from "../../http/auth";
import { deleteSession, findSessionWithUser, touchSession } from "./queries";

/** The sessions this feature keeps, as the auth plugin (http/auth.ts) reads them on every request. */
export const sessionStore: SessionStore = {
  find: findSessionWithUser,
  touch: touchSession,
  remove: deleteSession,
};
