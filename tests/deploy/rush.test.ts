// Story: the morning rush, CI-sized. Hundreds of students post the sign-in form at the same moment
// to the image's server. Each gets one of two answers: signed in (303 to the portal), or refused
// at once with the busy page, a 503 and a Retry-After (lib/crypto/hash-pool.ts: let in only what can be
// hashed within the budget). Never a third: no error page, no time-out, no "wrong password" for a
// right one. Speed is measured by `npm run bench:load`, not asserted here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { en as t } from "@/lib/messages/en";
import { Browser, formWith, mainText, type Page } from "../cluster/browserless";
import { freshDatabase, secrets, seedStudents, type FreshDatabase } from "./database";
import { buildImage, migrate, startServer, untilHealthy, type Image, type Server } from "./image";

const PORT = 3244;
const STUDENTS = 250;
/** Each student posts twice at once: 500 sign-ins in flight, more than any fixed queue held. */
const POSTS_EACH = 2;
const WAVES = 2;
const PASSWORD = "Morning-Bell-Rings-2031";

let image: Image;
let database: FreshDatabase;
let server: Server;

beforeAll(async () => {
  image = buildImage();
  database = await freshDatabase("rush");
  migrate(database.url);
  const db = await openPostgres(database.url, { max: 1 });
  try {
    await seedStudents(db.db, "rush", STUDENTS, PASSWORD);
  } finally {
    await db.close();
  }
  server = startServer(image, PORT, {
    DATABASE_URL: database.url,
    ...secrets(),
    TRUST_PROXY_HOPS: "0",
    RATE_LIMIT_SIGN_IN: "1000000",
  });
  await untilHealthy(server);
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  image?.remove();
});

/** "signed in", "busy", or what else came back. */
type Outcome = string;

function outcomeOf(page: Page): Outcome {
  if (page.status === 303 && page.location === "/") return "signed in";
  if (page.status === 503 && Number(page.retryAfter) > 0 && mainText(page.html).includes(t.busy.heading))
    return "busy";
  return `${page.status} ${page.location ?? mainText(page.html).slice(0, 80)}`;
}

describe("a rush of sign-ins", () => {
  it("is answered with a sign-in or a fast 503, never a third outcome", async () => {
    const form = formWith(await new Browser(server.base).get("/login"), "Log In");
    const outcomes = new Map<Outcome, number>();
    for (let wave = 0; wave < WAVES; wave++) {
      const pages = await Promise.all(
        Array.from({ length: STUDENTS * POSTS_EACH }, (_, i) =>
          new Browser(server.base).submit(form, { loginId: `rush_${i % STUDENTS}`, password: PASSWORD }),
        ),
      );
      for (const page of pages) {
        const outcome = outcomeOf(page);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }
    console.log(
      `[rush] ${STUDENTS * POSTS_EACH * WAVES} sign-ins in ${WAVES} waves: ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );
    expect([...outcomes.keys()].filter((outcome) => outcome !== "signed in" && outcome !== "busy")).toEqual(
      [],
    );
    expect(outcomes.get("signed in") ?? 0).toBeGreaterThan(0);
    expect(outcomes.get("busy") ?? 0).toBeGreaterThan(0);
  });
});
