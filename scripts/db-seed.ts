// `npm run db:seed`: add the demo schools and accounts to an empty database. Their passwords are
// published: in production it refuses unless SEED_DEMO=1 says so explicitly.
import { openPglite, openPostgres } from "../db/client";
import { seedDemoData } from "../db/seed";

if (process.env.NODE_ENV === "production" && process.env.SEED_DEMO !== "1") {
  console.error(
    "db:seed: refused in production (NODE_ENV=production): the demo accounts' passwords are public. Create the first administrator with `npm run admin:create`, or set SEED_DEMO=1 for a demonstration system.",
  );
  process.exit(1);
}

const url = process.env.DATABASE_URL;
const database = url
  ? await openPostgres(url, { max: 1 })
  : await openPglite(process.env.DATA_DIR ?? ".data");
const seeded = await seedDemoData(database.db);
await database.close();
console.log(seeded ? "Demo data added." : "The database already has data: nothing added.");
