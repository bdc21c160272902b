/**
 * The OpenAPI document is generated from the route table and its schemas: every route in it, every reference resolved.
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi.js';
import { ROUTES } from '../../src/http/routes.js';

type Json = Record<string, any>;
const document = openApiDocument(ROUTES) as Json;

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every route, under its method, with its operation id', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const operation = document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation.operationId).toBe(route.operationId);
    }
    const operations = Object.values(document.paths as Json).flatMap((item) => Object.keys(item));
    expect(operations).toHaveLength(ROUTES.length);
  });

  it('documents each path parameter and each query parameter of the schemas', () => {
    const holdings = document.paths['/api/issuers/{issuer}/holdings'].get;
    expect(holdings.parameters.map((p: Json) => [p.name, p.in, p.required])).toEqual([
      ['issuer', 'path', true],
      ['asOf', 'query', true],
      ['filedBy', 'query', false],
      ['recordedBy', 'query', false],
      ['shareBasis', 'query', false],
      ['format', 'query', false],
    ]);
  });

  it('resolves every $ref to a component, and names the problem responses', () => {
    const components = document.components.schemas as Json;
    for (const ref of refsIn(document)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(components[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    const ingest = document.paths['/api/filings'].post;
    expect(Object.keys(ingest.responses).sort()).toEqual([
      '200',
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '500',
      '503',
    ]);
    expect(ingest.responses['409'].content['application/problem+json']).toBeDefined();
    expect(ingest.security).toEqual([{ bearer: [] }]);
  });

  it('offers CSV where the route answers in CSV, and only there', () => {
    expect(document.paths['/api/issuers/{issuer}/holdings'].get.responses['200'].content['text/csv']).toBeDefined();
    expect(document.paths['/api/issuers/{issuer}/statement'].get.responses['200'].content['text/csv']).toBeUndefined();
  });
});
