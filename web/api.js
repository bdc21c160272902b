// The ledger's HTTP API, as the page uses it. A failed call throws an Error whose message is
// the problem's `detail` (RFC 9457), which the page shows as it is.

export class ApiProblem extends Error {}

/** GET /api/<path> with the query's defined values; resolves to the parsed JSON. */
export async function getJson(path, query = {}, signal) {
  const url = new URL(`/api/${path}`, location.origin);
  for (const [name, value] of Object.entries(query))
    if (value != null && value !== '') url.searchParams.set(name, value);
  let response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiProblem(`The ledger server did not answer (${error.message})`);
  }
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiProblem(`${url.pathname} answered ${response.status} ${response.statusText} without JSON`);
  }
  if (!response.ok) throw new ApiProblem(body.detail ?? body.title ?? `${url.pathname} answered ${response.status}`);
  return body;
}

/** Every event of an issuer's stream, a page at a time. */
export async function allEvents(issuer, signal) {
  const events = [];
  for (let from = 0; from !== null;) {
    const page = await getJson(`issuers/${encodeURIComponent(issuer)}/events`, { from, limit: 1000 }, signal);
    events.push(...page.events);
    from = page.nextFrom;
  }
  return events;
}
