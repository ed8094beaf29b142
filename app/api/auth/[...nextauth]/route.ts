// next-auth's own endpoints (session, csrf, callback, signout). Sign-in from the app goes through
// /api/session, which adds field-level errors and HTTP 429 on top of the same credential check.
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
