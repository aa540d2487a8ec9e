import { nodePath } from '../schema/issuePaths';
import type { FlowNodeOf, ValidationIssue } from '../types';
import type { IndexedNode } from './indexNodes';

/**
 * Names that say "this carries a credential": the standard auth headers, and anything about a
 * token, secret, password or key. Idempotency-Key is a key only in name: it carries a request
 * id, usually a literal or the journey id, and flagging it would teach people to ignore errors.
 */
const CREDENTIAL_NAME = /authorization|token|secret|password|passwd|key/i;
const NOT_A_CREDENTIAL = /^idempotency-key$/i;

/** Liquid output and tag markup; what is left of a value is literal text. */
const LIQUID_MARKUP = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
/** The auth schemes written before a credential; the scheme word alone is not a secret. */
const AUTH_SCHEME = /^\s*(bearer|basic|token)\s+/i;

/**
 * Credentials go into a flow by reference only (`{{ secrets.NAME }}`), never as text: a flow is
 * stored as a draft, published, diffed and kept in git, and a literal key would leak through
 * every one of those. Reported: a credential-named header with literal text in its value, a URL
 * with a user and password in it, and a credential-named query parameter with a literal value.
 * Any Liquid reference counts as "not literal" (a token fetched by an earlier request, read as
 * `{{ nodes.login.body.access_token }}`, is fine); only `secrets.*` can hold a stored credential.
 */
export function checkLiteralSecrets(byId: ReadonlyMap<string, IndexedNode>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const { valid } of byId.values()) {
    if (valid?.type !== 'httpRequest') continue;
    issues.push(...literalSecretsOf(valid));
  }
  return issues;
}

function literalSecretsOf(node: FlowNodeOf<'httpRequest'>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const at = (field: string, message: string): ValidationIssue => ({
    code: 'literal-secret',
    severity: 'error',
    nodeId: node.id,
    path: `${nodePath(node.id)}.config.${field}`,
    message,
  });

  node.config.headers.forEach((header, index) => {
    if (!isCredentialName(header.name)) return;
    if (literalText(header.value).replace(AUTH_SCHEME, '').trim() === '') return;
    issues.push(
      at(
        `headers[${index}].value`,
        `Header "${header.name}" holds a credential written out in the flow; store it as a secret and write {{ secrets.NAME }} instead, so it never lands in drafts, exports or git.`,
      ),
    );
  });

  const url = literalUrlParts(node.config.url);
  if (url.userInfo !== undefined && url.userInfo.replace(/[:\s]/g, '') !== '') {
    issues.push(
      at(
        'url',
        'The URL carries a user name and password (https://user:pass@host); send them as an Authorization header built from {{ secrets.NAME }} instead.',
      ),
    );
  }
  for (const parameter of url.credentialParameters) {
    issues.push(
      at(
        'url',
        `Query parameter "${parameter}" holds a credential written out in the URL; write its value as {{ secrets.NAME }} instead.`,
      ),
    );
  }
  return issues;
}

function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name) && !NOT_A_CREDENTIAL.test(name);
}

/** The template with its Liquid markup taken out: the characters written as they are. */
function literalText(template: string): string {
  return template.replace(LIQUID_MARKUP, '');
}

/**
 * The literal user info and credential-named query parameters of a URL template. Markup is
 * swapped for a neutral placeholder first, so an `@`, `?` or `&` inside `{{ … }}` is not read
 * as URL syntax, and a value that is only markup does not count as literal.
 */
function literalUrlParts(template: string): { userInfo: string | undefined; credentialParameters: string[] } {
  const marker = '\u0001';
  const url = template.replace(LIQUID_MARKUP, marker);
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  const at = authority.lastIndexOf('@');
  const userInfo = at === -1 ? undefined : authority.slice(0, at).replaceAll(marker, '');

  const query = /\?([^#]*)/.exec(url)?.[1] ?? '';
  const credentialParameters = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals === -1 ? undefined : { name: pair.slice(0, equals), value: pair.slice(equals + 1) };
    })
    .filter((pair) => pair !== undefined)
    .filter(({ name, value }) => isCredentialName(safeDecode(name)) && value.replaceAll(marker, '').trim() !== '')
    .map(({ name }) => safeDecode(name));
  return { userInfo, credentialParameters };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
