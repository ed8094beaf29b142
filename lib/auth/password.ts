import bcrypt from "bcryptjs";

// bcrypt (pure JS, maintained, no install scripts): cost 11 is ~100 ms here, slow enough to make
// guessing expensive and fast enough for a sign-in. See docs/decisions/0003-auth.md.
const COST = Number(process.env.KEEL_BCRYPT_COST ?? 11);

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

// Compared against when the e-mail is unknown, so that a miss takes as long as a wrong password.
export const TIMING_DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKcEeO5Kq7Q1KXJh7QdDk3Y1m8WQ8k2p7b4eW";

// Stored instead of a hash for people who have no password yet (imported from another CRM): not a
// bcrypt hash, so it never verifies; an admin sets their first password (lib/users setUserPassword).
export const NO_PASSWORD = "!imported: set a password on the Admin page";
export const hasPassword = (hash: string) => hash !== NO_PASSWORD;
