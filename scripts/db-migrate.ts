// `npm run db:migrate`: apply the committed migrations to DATABASE_URL (or the embedded
// database in DATA_DIR when the server is stopped).
import { migrateDatabase, openPglite, openPostgres } from "../db/client";
import { assertPostgresPatched } from "../lib/server/postgres-patch";

assertPostgresPatched();

const url = process.env.DATABASE_URL;
const database = url
  ? await openPostgres(url, { max: 1 })
  : await openPglite(process.env.DATA_DIR ?? ".data");
await migrateDatabase(database);
await database.close();
console.log(`Migrations applied (${database.engine}).`);
