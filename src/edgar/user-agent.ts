/**
 * EDGAR's fair-access rule: a program declares who runs it, with a User-Agent
 * naming the requester and an e-mail address ("Sample Company Name
 * AdminContact@example.com"); EDGAR answers 403 to undeclared tools. The
 * ledger refuses to start a sync without one, before any request is sent.
 */

/** Where a user puts it when --user-agent is not given. */
export const USER_AGENT_ENV = 'LEDGER_USER_AGENT';

export class MissingUserAgentError extends Error {
  override readonly name = 'MissingUserAgentError';
}

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;

/**
 * The User-Agent to send: `--user-agent`, else LEDGER_USER_AGENT. Refused unless it holds an e-mail address and a
 * name beside it.
 */
export function resolveUserAgent(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const given = flag ?? env[USER_AGENT_ENV];
  const value = given?.trim() ?? '';
  const how = `give --user-agent "Your Name you@example.com" or set ${USER_AGENT_ENV}`;
  if (value === '') {
    throw new MissingUserAgentError(
      'EDGAR requires a User-Agent naming you and your e-mail address (SEC fair-access policy): ' +
        `${how}; nothing was requested`,
    );
  }
  const email = EMAIL.exec(value)?.[0];
  const name = value.replace(email ?? '', '').replace(/[^\p{L}]/gu, '');
  if (email === undefined || name === '') {
    const missing = email === undefined ? 'an e-mail address' : 'a name beside the e-mail address';
    throw new MissingUserAgentError(
      `User-Agent "${value}" lacks ${missing}; EDGAR requires both: ${how}; nothing was requested`,
    );
  }
  // A header value is one line of visible characters.
  if (/[\r\n\u0000-\u001f\u007f]/.test(value))
    throw new MissingUserAgentError(`User-Agent "${value}" holds control characters: ${how}`);
  return value;
}
