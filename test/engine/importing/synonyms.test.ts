import { detectByName, findHeaderRow } from "../../../src/engine/detect";
import { roleSpec, type Role } from "../../../src/engine/schema";

const noMapping = { sheets: {}, columns: {} };

/** The field a lone header is read as on a sheet of `role` (the first header of the row is a placeholder). */
function fieldOf(role: Role, header: string): string | undefined {
  const map = findHeaderRow([["__", header]], roleSpec(role), {});
  if (!map) return undefined;
  const hit = Object.entries(map.columns).filter(([, i]) => i === 1).map(([k]) => k);
  return hit.join("+") || undefined;
}

// What CRM exports call things (Salesforce, HubSpot, Dynamics, Zoho, 纷享销客, 销售易, 金蝶/用友), by family.
const FAMILIES: Array<[Role, string, string[]]> = [
  ["accounts", "owner", ["Account Owner", "Opportunity Owner", "Deal Owner", "Owner Name", "Sales Agent", "Salesperson", "负责人", "销售", "account_owner", "accountOwner", "OWNER NAME", "ＯｗｎｅｒＮａｍｅ"]],
  ["sales", "repId", ["Opportunity Owner", "Deal Owner", "Sales Agent", "sales_agent", "salesAgent", "Salesperson", "负责人", "销售"]],
  ["sales", "date", ["Close Date", "Closed Date", "Won Date", "Order Date", "close_date", "closeDate", "CloseDate", "成交日期", "签约日期", "回款日期", "结单日期"]],
  ["sales", "amount", ["Amount", "Close Value", "Deal Value", "Revenue", "Total", "close_value", "closeValue", "成交金额", "合同金额", "回款金额"]],
  ["sales", "accountId", ["Account", "Account Name", "Company", "Customer", "客户名称", "公司名称", "account_name", "companyName"]],
  ["sales", "stage", ["Stage", "Deal Stage", "Status", "deal_stage", "dealStage", "阶段", "销售阶段"]],
  ["accounts", "accountName", ["Account", "Account Name", "Company", "Customer", "客户名称", "公司名称"]],
  ["reps", "region", ["Region", "Regional Office", "Territory", "Office", "regional_office", "regionalOffice", "大区", "区域", "分公司"]],
  ["reps", "name", ["Sales Agent", "sales_agent", "Salesperson", "Full Name", "姓名"]],
];

describe("header synonyms of CRM exports, snake_case and camelCase read as words", () => {
  for (const [role, field, headers] of FAMILIES) {
    test.each(headers)(`${role}: %s → ${field}`, (h) => {
      const got = fieldOf(role, h)?.split("+") ?? [];
      expect(got).toContain(field);
    });
  }
});

describe("sheet synonyms", () => {
  test.each([
    [["sales_teams", "accounts", "sales_pipeline", "products"], { reps: "sales_teams", accounts: "accounts", sales: "sales_pipeline" }],
    [["Users", "Companies", "Deals"], { reps: "Users", accounts: "Companies", sales: "Deals" }],
    [["Sales Team", "Customers", "Opportunities"], { reps: "Sales Team", accounts: "Customers", sales: "Opportunities" }],
    [["人员", "客户", "回款"], { reps: "人员", accounts: "客户", sales: "回款" }],
    [["销售团队", "客户列表", "合同"], { reps: "销售团队", accounts: "客户列表", sales: "合同" }],
    [["Team", "Accounts", "Pipeline"], { reps: "Team", accounts: "Accounts", sales: "Pipeline" }],
  ])("%j", (names, expected) => {
    expect(detectByName(names, noMapping)).toMatchObject(expected);
  });

  test("products is nobody's sheet", () => {
    expect(Object.values(detectByName(["products"], noMapping))).toEqual([null, null, null, null]);
  });
});

describe("one column serving two fields", () => {
  test("sales_agent is both Rep ID and Name; account both Account ID and Name", () => {
    const reps = findHeaderRow([["sales_agent", "manager", "regional_office"]], roleSpec("reps"), {}, () => true)!;
    expect(reps.columns).toMatchObject({ repId: 0, name: 0, manager: 1, region: 2 });
    expect(reps.missing).toEqual([]);
    expect(reps.derived).toEqual(["hireDate"]);
    const accounts = findHeaderRow([["account", "sector", "office_location"]], roleSpec("accounts"), {}, () => true)!;
    expect(accounts.columns).toMatchObject({ accountId: 0, accountName: 0 });
    expect(accounts.derived).toEqual(["owner", "region"]);
  });

  test("separate ID and name columns stay separate", () => {
    const reps = findHeaderRow([["Rep ID", "Sales Agent", "Region", "Hire Date"]], roleSpec("reps"), {})!;
    expect(reps.columns).toMatchObject({ repId: 0, name: 1, region: 2, hireDate: 3 });
  });

  test("without the derivation setting, a derivable column is missing", () => {
    const reps = findHeaderRow([["sales_agent", "regional_office"]], roleSpec("reps"), {})!;
    expect(reps.missing.map((f) => f.key)).toEqual(["hireDate"]);
  });
});
