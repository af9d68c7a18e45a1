import type { Actor } from "@linxuan/domain";
import type { Caller } from "./deps";
import { AppError } from "./errors";

export function requireActorOf(caller: Caller): Actor {
  if (!caller.actor) throw new AppError("UNAUTHENTICATED", "请先登录");
  return caller.actor;
}
