import type { TestApp } from './test-app.js';
import { BOOTSTRAP_TOKEN, bearer } from './test-app.js';

let sequence = 0;
const next = () => `${process.pid}-${++sequence}`;

/** Creates an organization through the API (as ADMIN) and returns the response body. */
export async function makeOrganization(
  t: TestApp,
  overrides: Partial<{ code: string; name: string; kind: string; parentId: string; documentSymbol: string; shortName: string }> = {},
): Promise<{ id: string; code: string; name: string; parentId: string | null; documentSymbol: string | null }> {
  const response = await t.http
    .post('/api/v1/organizations')
    .set(bearer(BOOTSTRAP_TOKEN))
    .send({ code: `ORG-${next()}`, name: `Đơn vị ${sequence}`, kind: 'UNIT', ...overrides });
  if (response.status !== 201) throw new Error(`makeOrganization: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A province → department → unit tree, the shape of the demo data. */
export async function makeTree(t: TestApp) {
  const province = await makeOrganization(t, { kind: 'PROVINCE', name: 'UBND tỉnh Điện Biên', documentSymbol: 'UBND' });
  const department = await makeOrganization(t, { kind: 'DEPARTMENT', name: 'Sở Thông tin và Truyền thông', parentId: province.id, documentSymbol: 'STTTT' });
  const unit = await makeOrganization(t, { kind: 'UNIT', name: 'Trung tâm Công nghệ thông tin và Truyền thông', parentId: department.id });
  const otherDepartment = await makeOrganization(t, { kind: 'DEPARTMENT', name: 'Sở Tài chính', parentId: province.id, documentSymbol: 'STC' });
  return { province, department, unit, otherDepartment };
}

export async function makeIndividual(
  t: TestApp,
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; fullName: string; organizationId: string }> {
  const response = await t.http
    .post('/api/v1/individuals')
    .set(bearer(BOOTSTRAP_TOKEN))
    .send({ fullName: `Nguyễn Văn ${next()}`, organizationId, ...overrides });
  if (response.status !== 201) throw new Error(`makeIndividual: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
