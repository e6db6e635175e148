// `npm run db:seed`: add the demo schools and accounts to an empty database.
import { openPglite, openPostgres } from "../db/client";
import { seedDemoData } from "../db/seed";

const url = process.env.DATABASE_URL;
const database = url
  ? await openPostgres(url, { max: 1 })
  : await openPglite(process.env.DATA_DIR ?? ".data");
const seeded = await seedDemoData(database.db);
await database.close();
console.log(seeded ? "Demo data added." : "The database already has data: nothing added.");
