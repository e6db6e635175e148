// `npm run admin:create -- --login-id <id> --name "<full name>" --school "<school>" [--contact <e-mail>]`
// Creates a ministry administrator (acts on every school, manages schools and their
// administrators) on the configured database: DATABASE_URL, or the embedded one in DATA_DIR
// (stop `npm run dev` first: PGlite allows one process). The school is the administrator's home;
// it is created when it does not exist (then --contact is required). The password is generated,
// printed once and must be changed at the first sign-in, where the second factor is set up too:
// there is no default password.
import { parseArgs } from "node:util";
import { eq, or } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres } from "../db/client";
import { auditEvents, schools, users } from "../db/schema";
import { hashSecret } from "../lib/crypto/hashing";
import { normalisePassword } from "../lib/passwords/policy";
import { assertPostgresPatched } from "../lib/server/postgres-patch";
import { temporaryPasswordFor } from "../lib/passwords/temporary";

assertPostgresPatched();

const { values } = parseArgs({
  options: {
    "login-id": { type: "string" },
    name: { type: "string" },
    school: { type: "string" },
    contact: { type: "string" },
  },
});
const loginId = values["login-id"]?.normalize("NFKC").trim().toLowerCase() ?? "";
const fullName = values.name?.trim() ?? "";
const schoolName = values.school?.trim() ?? "";
const fail = (message: string): never => {
  console.error(`admin:create: ${message}`);
  process.exit(1);
};
if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(loginId)) fail("--login-id: 3 to 64 letters, digits, . _ -");
if (!fullName || fullName.length > 100) fail("--name: the administrator's full name");
if (!schoolName || schoolName.length > 100)
  fail("--school: the administrator's home school or ministry office");

const url = process.env.DATABASE_URL;
const database = url
  ? await openPostgres(url, { max: 1 })
  : await openPglite(process.env.DATA_DIR ?? ".data");
try {
  await migrateDatabase(database);
  const { db } = database;
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(or(eq(users.loginId, loginId), eq(users.email, loginId)));
  if (taken) fail(`the Login ID ${loginId} is already in use`);
  let [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, schoolName));
  if (!school) {
    const contact = values.contact?.trim().toLowerCase() ?? "";
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact))
      fail(`--contact: an e-mail address for the new "${schoolName}"`);
    [school] = await db
      .insert(schools)
      .values({ name: schoolName, contactEmail: contact })
      .returning({ id: schools.id });
  }
  const password = temporaryPasswordFor({ loginId, fullName, email: null, schoolName });
  await db.transaction(async (tx) => {
    const [admin] = await tx
      .insert(users)
      .values({
        schoolId: school!.id,
        role: "admin",
        ministry: true,
        loginId,
        fullName,
        passwordHash: await hashSecret(normalisePassword(password)),
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await tx
      .insert(auditEvents)
      .values({ action: "admin_created", targetUserId: admin!.id, schoolId: school!.id });
  });
  console.log(`Ministry administrator ${loginId} created. Temporary password (shown once): ${password}`);
  console.log("Sign in at /login: choose a new password, then set up the second factor.");
} finally {
  await database.close();
}
