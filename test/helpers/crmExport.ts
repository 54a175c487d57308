import type { Cell } from "../../src/engine/table";

/**
 * A workbook built like a raw CRM opportunity export (one sheet per exported file, as Maven's CRM
 * sample and Salesforce/HubSpot reports come): no Owner or Region on accounts, no hire dates, deals
 * with stages, one column serving as both ID and name. Small enough that the tests work it out by hand.
 */
export function crmExport(): Record<string, Cell[][]> {
  return {
    sales_teams: [
      ["sales_agent", "manager", "regional_office"],
      ["Anna Snelling", "Dustin Brinkmann", "Central"],
      ["Cecily Lampkin", "Dustin Brinkmann", "Central"],
      ["Versie Hillebrand", "Cara Losch", "East"],
      ["Moses Frase", "Cara Losch", "East"],
      ["Zane Levy", "Summer Sewald", "West"],
      ["Maureen Marcano", "Summer Sewald", "West"],
    ],
    products: [
      ["product", "series", "sales_price"],
      ["GTX Basic", "GTX", 550],
      ["MG Special", "MG", 55],
    ],
    accounts: [
      ["account", "sector", "year_established", "revenue", "employees", "office_location", "subsidiary_of"],
      ["Acme Corporation", "technolgy", 1996, 1100.04, 2822, "United States", ""],
      ["Betasoloin", "medical", 1999, 251.41, 495, "United States", ""],
      ["Cancity", "retail", 2001, 718.62, 2448, "United States", ""],
      ["Codehow", "software", 1998, 2714.9, 2641, "United States", "Acme Corporation"],
      ["Dalttechnology", "software", 2002, 622.2, 1595, "United States", "Bubba Gump"],
      ["Finhigh", "finance", 1997, 1322.43, 4289, "United States", ""],
      ["Goodsilron", "marketing", 2000, 2952.73, 5107, "United States", ""],
      ["Hatfan", "services", 1982, 792.46, 1299, "United States", ""],
    ],
    sales_pipeline: [
      ["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date", "close_value"],
      ["1C1I7A6R", "Anna Snelling", "GTX Basic", "Acme Corporation", "Won", "2016-12-20", "2017-01-10", 1000],
      ["Z063OYW0", "Anna Snelling", "MG Special", "Acme Corporation", "Won", "2017-05-01", "2017-06-01", 500],
      ["EC4QE1BX", "Cecily Lampkin", "GTX Basic", "Acme Corporation", "Won", "2017-06-01", "2017-07-01", 1200],
      ["MV1LWRNH", "Versie Hillebrand", "GTX Basic", "Betasoloin", "Won", "2017-01-03", "2017-02-03", 800],
      ["PE84CX4O", "Moses Frase", "GTX Basic", "Betasoloin", "Won", "2017-08-09", "2017-09-09", 800],
      ["ZNBS69V1", "Zane Levy", "GTX Basic", "Cancity", "Won", "2016-10-20", "2016-11-20", 3000],
      ["9ME6YJ8B", "Maureen Marcano", "MG Special", "Cancity", "Won", "2017-02-15", "2017-03-15", 100],
      ["4UPSXVFL", "Zane Levy", "GTX Basic", "Codehow", "Won", "2017-11-05", "2017-12-05", 700],
      ["1O7P5QEJ", "Moses Frase", "GTX Basic", "Dalttechnology", "Lost", "2017-04-05", "2017-05-05", 0],
      ["HAXMC4IX", "Cecily Lampkin", "MG Special", "Finhigh", "Engaging", "2017-10-01", "", ""],
      ["6NJEXPGL", "Anna Snelling", "GTX Basic", "", "Prospecting", "", "", ""],
      ["JPTYJ1XR", "Maureen Marcano", "GTX Basic", "Goodsilron", "Won", "2017-03-04", "2017-04-04", 2500],
      ["B0XQZ1W6", "Cecily Lampkin", "MG Special", "Finhigh", "Won", "2016-11-01", "2016-12-01", 400],
      ["J8PX3DJ2", "Versie Hillebrand", "GTX Basic", "Hatfan", "Lost", "2017-07-08", "2017-08-08", 0],
    ],
  };
}

/** The same export as 纷享销客 writes it: Chinese sheets and headers, 商机 with 销售阶段. */
export function fxiaokeExport(): Record<string, Cell[][]> {
  return {
    人员: [
      ["姓名", "手机号", "主属部门", "大区", "职位"],
      ["张伟", "13800000001", "华东一部", "华东", "销售经理"],
      ["李娜", "13800000002", "华东一部", "华东", "销售"],
      ["王芳", "13800000003", "华南一部", "华南", "销售"],
    ],
    客户: [
      ["客户名称", "客户级别", "行业", "客户来源", "创建时间"],
      ["上海星辰科技有限公司", "A", "制造业", "展会", "2016-05-01"],
      ["杭州云帆贸易有限公司", "B", "零售", "转介绍", "2016-06-01"],
      ["广州海岳医疗器械有限公司", "A", "医疗", "官网", "2016-07-01"],
    ],
    商机: [
      ["商机名称", "客户名称", "销售阶段", "商机金额", "结单日期", "负责人", "创建时间"],
      ["星辰-一期", "上海星辰科技有限公司", "赢单", "¥12,000", "2017/3/1", "张伟", "2017/1/1"],
      ["星辰-二期", "上海星辰科技有限公司", "赢单", "8000", "2017年9月15日", "李娜", "2017/8/1"],
      ["云帆-年框", "杭州云帆贸易有限公司", "输单", "30000", "2017/6/1", "李娜", "2017/5/1"],
      ["云帆-补单", "杭州云帆贸易有限公司", "赢单", "5,000", "2017/10/20", "李娜", "2017/10/1"],
      ["海岳-设备", "广州海岳医疗器械有限公司", "验证客户", "", "", "王芳", "2017/11/1"],
      ["海岳-耗材", "广州海岳医疗器械有限公司", "赢单", "20000", "2017/12/8", "王芳", "2017/11/20"],
    ],
  };
}
