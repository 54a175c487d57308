/**
 * The data contract: which sheets Fairshare reads, which columns each has, and the English and
 * Chinese names they go by. Detection, parsing and messages are all driven from this one table.
 */

export type Role = "reps" | "accounts" | "sales" | "ratings";
export type FieldType = "id" | "text" | "date" | "month" | "number" | "bool";

export interface FieldSpec {
  key: string;
  type: FieldType;
  /** The column must exist (`true`) or at least one of a group must exist (a group name). */
  required: boolean | string;
  label: { "en-US": string; "zh-CN": string };
  /** Header names, compared after {@link normalizeHeader}. The first is the canonical English header. */
  names: string[];
  /**
   * A field whose column this one may share when it has none of its own: CRM exports often have one
   * column (`sales_agent`, `account`) that is both the ID and the name.
   */
  sharesWith?: string;
  /** A boolean setting that, when on, lets the column be absent: the value is derived instead (see derive.ts). */
  derivedBy?: string;
}

export interface RoleSpec {
  role: Role;
  required: boolean;
  label: { "en-US": string; "zh-CN": string };
  /** Sheet names that identify the role, compared after {@link normalizeHeader}. */
  sheetNames: string[];
  fields: FieldSpec[];
}

const f = (key: string, type: FieldType, required: boolean | string, en: string, zh: string, names: string[], extra: Pick<FieldSpec, "sharesWith" | "derivedBy"> = {}): FieldSpec => ({
  key,
  type,
  required,
  label: { "en-US": en, "zh-CN": zh },
  names: [en, ...names],
  ...extra,
});

const REP_ID_NAMES = ["Rep", "Rep Code", "Employee ID", "Employee No", "Staff ID", "Sales Rep ID", "工号", "员工编号", "员工工号", "员工ID", "业务员编号", "业务员工号"];
const ACCOUNT_ID_NAMES = ["Customer ID", "Client ID", "Account No", "Customer No", "Account Code", "Customer Code", "客户编号", "客户ID", "客户代码", "客户编码"];
const REGION_NAMES = ["Area", "Territory", "Sales Region", "Regional Office", "Sales Office", "Office", "区域", "地区", "大区", "片区", "所属区域", "销售区域", "分公司", "所属分公司"];
// Who sells or owns, as CRM exports call it (Salesforce, HubSpot, Dynamics, Zoho, 纷享销客, 销售易 …).
const SELLER_NAMES = ["Sales Agent", "Salesperson", "Sales Person", "Sales Rep", "Opportunity Owner", "Deal Owner", "Account Owner", "Owner Name", "Owner", "负责人", "销售", "销售员", "销售人员", "业务员", "商机负责人", "客户负责人"];
// Which account a row is about, when the export links by name.
const ACCOUNT_NAME_NAMES = ["Customer Name", "Client Name", "Company Name", "Account", "Customer", "Company", "Client", "客户名称", "客户名", "公司名称", "客户", "公司"];
const SATISFACTION_NAMES = ["CSAT", "Customer Satisfaction", "满意度", "客户满意度"];

export const SCHEMA: readonly RoleSpec[] = [
  {
    role: "reps",
    required: true,
    label: { "en-US": "Reps", "zh-CN": "花名册" },
    sheetNames: ["Reps", "Roster", "Team", "Sales Reps", "Salespeople", "Sales Team", "Sales Teams", "Users", "Employees", "Agents", "Sales Agents", "花名册", "员工", "业务员", "员工名单", "销售人员", "销售团队", "人员", "用户"],
    fields: [
      f("repId", "id", true, "Rep ID", "工号", REP_ID_NAMES, { sharesWith: "name" }),
      f("name", "text", true, "Name", "姓名", ["Rep Name", "Full Name", "User Name", "Employee Name", "姓名", "名字", "员工姓名", "人员姓名", ...SELLER_NAMES], { sharesWith: "repId" }),
      f("hireDate", "date", true, "Hire Date", "入职日期", ["Hired", "Start Date", "Join Date", "Joined", "Date of Hire", "入职日期", "入职时间"], { derivedBy: "deriveHireDate" }),
      f("region", "text", true, "Region", "区域", REGION_NAMES),
      f("active", "bool", false, "Active", "在职", ["Status", "Employed", "在职", "状态", "是否在职", "在职状态"]),
      f("branch", "text", false, "Branch", "分公司", ["Office", "分公司", "分支机构", "网点"]),
      f("capacity", "number", false, "Capacity", "客户上限", ["Max Accounts", "Account Cap", "客户上限", "保有量上限", "最大客户数"]),
      f("quota", "number", false, "Quota", "指标", ["Target", "Sales Target", "指标", "销售目标", "业绩目标"]),
      f("manager", "text", false, "Manager", "主管", ["Supervisor", "主管", "上级", "经理"]),
      f("leaveDate", "date", false, "Leave Date", "离职日期", ["Left On", "End Date", "Termination Date", "离职日期", "离职时间"]),
      f("draw", "number", false, "Draw", "预支", ["Draw Amount", "Guaranteed Draw", "预支", "预支额", "保底预支"]),
      f("drawBalance", "number", false, "Draw Balance", "预支余额", ["Unrecovered Draw", "Draw Carry Forward", "预支余额", "待扣回预支"]),
    ],
  },
  {
    role: "accounts",
    required: true,
    label: { "en-US": "Accounts", "zh-CN": "客户" },
    sheetNames: ["Accounts", "Customers", "Clients", "Companies", "Account", "Customer", "客户", "客户资源", "客户表", "客户名单", "客户列表", "客户信息"],
    fields: [
      f("accountId", "id", true, "Account ID", "客户编号", ACCOUNT_ID_NAMES, { sharesWith: "accountName" }),
      f("accountName", "text", true, "Account Name", "客户名称", ACCOUNT_NAME_NAMES, { sharesWith: "accountId" }),
      f("owner", "id", true, "Owner", "负责人", ["Owner ID", "Owner Rep ID", "归属业务员", "客户经理", "归属人", ...SELLER_NAMES], { derivedBy: "deriveOwner" }),
      f("region", "text", true, "Region", "区域", REGION_NAMES, { derivedBy: "deriveRegion" }),
      f("acquiredDate", "date", false, "Acquired Date", "获客日期", ["Acquired", "Won Date", "Signed Date", "Sign Date", "获客日期", "签约日期", "开发日期"]),
      f("acquiredBy", "id", false, "Acquired By", "开发人", ["Won By", "Signed By", "开发人", "获客人", "签约人"]),
      f("protected", "bool", false, "Protected", "保护", ["Locked", "Lock", "保护", "锁定", "是否保护"]),
      f("satisfaction", "number", false, "Satisfaction", "满意度", SATISFACTION_NAMES),
      f("level", "text", false, "Level", "客户等级", ["Tier", "Grade", "Class", "Customer Level", "Account Tier", "客户等级", "客户级别", "等级", "级别"]),
      f("industry", "text", false, "Industry", "所属行业", ["Vertical", "Segment", "Sector", "Industry Segment", "所属行业", "行业", "细分市场"]),
    ],
  },
  {
    role: "sales",
    required: true,
    label: { "en-US": "Sales", "zh-CN": "销售" },
    sheetNames: ["Sales", "Orders", "Invoices", "Revenue", "Opportunities", "Deals", "Pipeline", "Sales Pipeline", "Won Deals", "Payments", "销售", "业绩", "订单", "销售记录", "销售明细", "商机", "合同", "回款", "回款记录", "回款明细", "合同明细", "成交记录"],
    fields: [
      f("date", "date", "when", "Date", "日期", ["Close Date", "Closed Date", "Won Date", "Order Date", "Invoice Date", "Sale Date", "Payment Date", "Date Closed", "日期", "成交日期", "签约日期", "回款日期", "下单日期", "订单日期", "销售日期", "结单日期", "赢单日期"]),
      f("month", "month", "when", "Month", "月份", ["Period", "月份", "月", "期间"]),
      f("accountId", "id", true, "Account ID", "客户编号", [...ACCOUNT_ID_NAMES, "Account Name", ...ACCOUNT_NAME_NAMES]),
      f("amount", "number", true, "Amount", "金额", ["Close Value", "Deal Value", "Deal Amount", "Opportunity Amount", "Sales", "Revenue", "Value", "Sales Amount", "Total", "Total Amount", "金额", "成交金额", "合同金额", "回款金额", "销售额", "订单金额", "销售金额", "商机金额"]),
      f("repId", "id", false, "Rep ID", "工号", [...REP_ID_NAMES, ...SELLER_NAMES]),
      f("category", "text", false, "Category", "品类", ["Product", "Product Line", "Product Category", "Sales Category", "品类", "产品", "产品线", "类别", "产品类别"]),
      f("stage", "text", false, "Stage", "阶段", ["Deal Stage", "Sales Stage", "Opportunity Stage", "Status", "Stage Name", "阶段", "销售阶段", "商机阶段", "状态", "商机状态"]),
    ],
  },
  {
    role: "ratings",
    required: false,
    label: { "en-US": "Ratings", "zh-CN": "评价" },
    sheetNames: ["Ratings", "Reviews", "Evaluations", "评价", "评分", "考评"],
    fields: [
      f("repId", "id", true, "Rep ID", "工号", REP_ID_NAMES),
      f("period", "month", true, "Period", "期间", ["Month", "Date", "期间", "月份"]),
      f("teamwork", "number", false, "Teamwork", "团队协作", ["Collaboration", "团队协作", "协作", "团队合作"]),
      f("satisfaction", "number", false, "Satisfaction", "满意度", SATISFACTION_NAMES),
    ],
  },
];

/** The settings sheet's fixed name. */
export const SETTINGS_SHEET = "Fairshare Settings";

/**
 * Normalises a header or sheet name for comparison: half-width, lower case, no spaces or punctuation.
 * @example normalizeHeader(" Rep-ID ") // "repid"
 * @example normalizeHeader("客户编号（ID）") // "客户编号id"
 */
export function normalizeHeader(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

/** The spec of a role. */
export function roleSpec(role: Role): RoleSpec {
  const spec = SCHEMA.find((r) => r.role === role);
  if (!spec) throw new RangeError(`unknown role ${role}`);
  return spec;
}
