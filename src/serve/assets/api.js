// The only code of the page that talks to the workspace server (the global GenogramApi).
//
// The key: `genogram serve` prints the address 127.0.0.1:PORT/#key=KEY. A fragment is never
// sent to a server nor kept in a Referer; this script takes the key from it, keeps it in
// this tab's sessionStorage (under genogram-key-PORT) and removes it from the address
// bar. No cookie: browsers send cookies to every port of the computer.
//
// Every call: first a hello with a fresh random nonce; the server must answer the
// HMAC-SHA256 of "genogram-workspace-v1 " + nonce keyed with the key, checked here with
// WebCrypto. Only then is the request sent, with the key in the X-Genogram-Key header.
// A program that took the port of a workspace that stopped (a tab left open) cannot
// answer the hello, and gets neither the key nor any family text.
//
// Errors reject with an Error whose `kind` is:
//   "no-key"     the address had no key (open the address genogram serve printed);
//   "not-ours"   the server did not prove it knows the key: nothing more was sent;
//   "bad-reply"  the reply is not JSON, or not of the shape `check` wants;
//   "offline"    nothing answers;
//   "http"       another HTTP error: `status`, and `body` (the parsed JSON, or null).
// 503 (the workspace is busy) is retried with backoff, calling GenogramApi.onBusy(attempt).
"use strict";

(function () {
  const STORE = "genogram-key-" + location.port;
  const HELLO_CONTEXT = "genogram-workspace-v1 ";
  const KEY_FORMAT = /^[0-9a-f]{32}$/;
  const RETRIES = 6;          // 503 replies tried again this many times…
  const FIRST_WAIT_MS = 250;  // …waiting this long, doubling each time (about 16 s in all)

  let key = null;
  // Takes the key from the address (and out of the address bar); true when there was one.
  function keyFromAddress() {
    const fromAddress = /^#key=(.*)$/.exec(location.hash);
    if (!fromAddress) return false;
    history.replaceState(history.state, "", location.pathname + location.search);
    if (!KEY_FORMAT.test(fromAddress[1])) return false;
    key = fromAddress[1];
    try { sessionStorage.setItem(STORE, key); } catch (e) { /* kept in memory only */ }
    return true;
  }
  keyFromAddress();
  // The new address of a workspace started again, pasted into this tab, changes only the
  // part after # (no reload): start afresh with its key.
  window.addEventListener("hashchange", () => { if (keyFromAddress()) location.reload(); });
  if (!key) {
    try {
      const kept = sessionStorage.getItem(STORE);
      if (kept && KEY_FORMAT.test(kept)) key = kept;
    } catch (e) { /* no storage: no key */ }
  }

  function failure(kind, message, extra) {
    const e = new Error(message);
    e.kind = kind;
    return Object.assign(e, extra || {});
  }

  function hex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function unhex(text) {
    if (typeof text !== "string" || !/^(?:[0-9a-f]{2})+$/.test(text)) return null;
    const bytes = new Uint8Array(text.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
    return bytes;
  }

  const wait = (ms) => new Promise((ok) => setTimeout(ok, ms));

  // One fetch of our own origin: no cookie, no redirect followed, nothing cached.
  async function send(method, path, headers, body) {
    try {
      return await fetch(path, {
        method,
        headers,
        body,
        credentials: "omit",
        redirect: "error",
        cache: "no-store",
        referrerPolicy: "no-referrer",
      });
    } catch (e) {
      throw failure("offline", "the workspace is not answering");
    }
  }

  async function json(response) {
    try { return await response.json(); } catch (e) { return undefined; }
  }

  // Resolves when the server proves it knows the key; "busy" when it says 503.
  async function hello() {
    const nonce = hex(crypto.getRandomValues(new Uint8Array(16)));
    const response = await send("POST", "/api/hello",
      { "Content-Type": "application/json" }, JSON.stringify({ nonce }));
    if (response.status === 503) return "busy";
    const body = response.ok ? await json(response) : undefined;
    const proof = body && typeof body === "object" ? unhex(body.proof) : null;
    if (proof && proof.length === 32) {
      const encode = (s) => new TextEncoder().encode(s);
      const hmac = await crypto.subtle.importKey(
        "raw", encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
      if (await crypto.subtle.verify("HMAC", hmac, proof, encode(HELLO_CONTEXT + nonce))) return "ours";
    }
    throw failure("not-ours",
      "this page is not talking to its own workspace (it may have stopped, and another program may be using its port); nothing was sent");
  }

  async function call(method, path, body, check) {
    if (!key) {
      throw failure("no-key", "this page has no key: open the address that genogram serve printed, which ends in #key=…");
    }
    for (let attempt = 1; ; attempt++) {
      let response = null;
      if ((await hello()) === "ours") {
        const headers = { "X-Genogram-Key": key };
        const sent = body === undefined || body === null ? undefined : JSON.stringify(body);
        if (sent !== undefined) headers["Content-Type"] = "application/json";
        response = await send(method, path, headers, sent);
      }
      if (response === null || response.status === 503) {
        if (attempt > RETRIES) throw failure("http", "the workspace stayed busy", { status: 503, body: null });
        try { api.onBusy(attempt); } catch (e) { /* the page's business */ }
        await wait(FIRST_WAIT_MS * 2 ** (attempt - 1));
        continue;
      }
      const reply = await json(response);
      if (!response.ok) {
        throw failure("http", `the workspace answered ${response.status}`, {
          status: response.status,
          body: reply !== null && typeof reply === "object" ? reply : null,
        });
      }
      let fits = false;
      try { fits = reply !== undefined && (!check || check(reply) === true); } catch (e) { fits = false; }
      if (!fits) throw failure("bad-reply", "the workspace sent a reply this page does not understand; nothing was changed");
      return reply;
    }
  }

  const api = {
    call,
    hasKey: () => key !== null,
    onBusy: () => {},
  };
  Object.defineProperty(window, "GenogramApi", { value: api, writable: false, configurable: false });
})();
