// A browser without JavaScript, in plain HTTP: it keeps its cookies, reads the <form>s of a page
// and posts them as multipart/form-data with every named input (React's hidden `$ACTION_…`
// inputs included), as a real browser does before the page's scripts load. It never follows a
// redirect on its own: the tests look at the 303 first.
import { performance } from "node:perf_hooks";

export type Page = {
  url: string;
  status: number;
  /** Where a redirect points, as a path. */
  location: string | null;
  html: string;
  /** Seconds, on a 429 or 503. */
  retryAfter: string | null;
  /** From sending the request to the last byte of the body. */
  elapsedMs: number;
};

export type Form = { path: string; inputs: [name: string, value: string][] };

type Cookie = { name: string; value: string; path: string };

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'", nbsp: " " };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] !== "#") return ENTITIES[code.toLowerCase()] ?? whole;
    const hex = code[1]?.toLowerCase() === "x";
    return String.fromCodePoint(parseInt(code.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

const pathOf = (url: URL) => url.pathname + url.search;

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return match ? decodeEntities(match[1]!) : null;
}

/** The <main> of a page as a reader sees it: text only, with the labels of the answer boxes
 *  (each challenge's own questions) replaced by "[question]". */
export function mainText(html: string): string {
  const main = /<main[\s>][\s\S]*?<\/main>/i.exec(html)?.[0] ?? "";
  return decodeEntities(
    main
      .replace(/<(script|template)[\s\S]*?<\/\1>/gi, " ")
      .replace(/(<label for="answer\d+"[^>]*>)[^<]*/gi, "$1[question]")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

/** The question labels of the challenge form, in order. */
export function questionLabels(html: string): string[] {
  return [...html.matchAll(/<label for="answer\d+"[^>]*>([^<]*)<\/label>/gi)].map((m) =>
    decodeEntities(m[1]!),
  );
}

/** The form whose submit button reads `button`. */
export function formWith(page: Page, button: string): Form {
  for (const [form] of page.html.matchAll(/<form[\s>][\s\S]*?<\/form>/gi)) {
    const buttons = [...form.matchAll(/<button[^>]*>([\s\S]*?)<\/button>/gi)];
    if (!buttons.some((b) => decodeEntities(b[1]!.replace(/<[^>]+>/g, "")).trim() === button)) continue;
    const action = attribute(form.slice(0, form.indexOf(">") + 1), "action");
    const inputs: [string, string][] = [];
    for (const [tag] of form.matchAll(/<input\s[^>]*>/gi)) {
      const name = attribute(tag, "name");
      if (name !== null) inputs.push([name, attribute(tag, "value") ?? ""]);
    }
    return { path: pathOf(new URL(action || page.url, page.url)), inputs };
  }
  throw new Error(
    `no form with a "${button}" button on ${page.url} (${page.status}): ${mainText(page.html)}`,
  );
}

export class Browser {
  private cookies: Cookie[] = [];

  /** `base` is the instance, http://localhost:<port>; `headers` go with every request (what a
   *  client says about itself, such as X-Forwarded-For). */
  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  /** The same browser state (its cookies) talking to another instance. */
  on(base: string): Browser {
    const other = new Browser(base, this.headers);
    other.cookies = this.cookies.map((c) => ({ ...c }));
    return other;
  }

  cookie(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
  }

  setCookie(name: string, value: string, path = "/"): void {
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
    this.cookies.push({ name, value, path });
  }

  get(path: string): Promise<Page> {
    return this.request("GET", path);
  }

  /** Posts a form with its own inputs, `fields` filling in what a person types. */
  submit(form: Form, fields: Record<string, string> = {}): Promise<Page> {
    const names = new Set(form.inputs.map(([name]) => name));
    const unknown = Object.keys(fields).filter((name) => !names.has(name));
    if (unknown.length > 0) throw new Error(`the form at ${form.path} has no field ${unknown.join(", ")}`);
    const body = new FormData();
    for (const [name, value] of form.inputs) body.append(name, fields[name] ?? value);
    return this.request("POST", form.path, body);
  }

  /** A redirect's target, as the browser would load it next. */
  async follow(page: Page): Promise<Page> {
    if (!page.location) throw new Error(`${page.url} answered ${page.status}, not a redirect`);
    return this.get(page.location);
  }

  private async request(method: string, path: string, body?: FormData): Promise<Page> {
    const url = new URL(path, this.base);
    const headers: Record<string, string> = {
      ...this.headers,
      // What a same-origin form post carries; state-changing requests are checked against it.
      Origin: new URL(this.base).origin,
      "Sec-Fetch-Site": "same-origin",
      Accept: "text/html",
    };
    const cookies = this.cookies.filter((c) => url.pathname.startsWith(c.path));
    if (cookies.length > 0) headers.Cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const started = performance.now();
    const response = await fetch(url, { method, headers, body, redirect: "manual" });
    const html = await response.text();
    const elapsedMs = performance.now() - started;
    for (const line of response.headers.getSetCookie()) this.store(line);
    const location = response.headers.get("location");
    return {
      url: url.toString(),
      status: response.status,
      location: location ? pathOf(new URL(location, url)) : null,
      html,
      retryAfter: response.headers.get("retry-after"),
      elapsedMs,
    };
  }

  private store(setCookie: string): void {
    const [pair = "", ...attributes] = setCookie.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attr("path") ?? "/";
    const maxAge = attr("max-age");
    const expires = attr("expires");
    const gone =
      value === "" ||
      (maxAge !== undefined && Number(maxAge) <= 0) ||
      (expires !== undefined && Date.parse(expires) <= Date.now());
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
    if (!gone) this.cookies.push({ name, value, path });
  }
}
