import { parseText } from "/work/main/dist/index.js";
const cases = {
  headings: "一、".repeat(200000),
  pipes: "|".repeat(200000) + "\n" + "|".repeat(200000),
  tabs: ("\t" + "x").repeat(100000) + "\n\t1\n\t2",
  digits: "主动公开政府信息" + "9".repeat(1000000) + "条",
  brackets: "（".repeat(100000) + "一" ,
  oneline: "政府信息公开".repeat(800000),
  spaces: "a" + " ".repeat(500000) + "b",
  cells: Array.from({length: 10000}, () => "\t0").join("\n"),
  grid: "+" + "-".repeat(3000) + "+\n" + ("|" + " ".repeat(3000) + "|\n").repeat(200) + "+" + "-".repeat(3000) + "+",
  gridmany: "+" + "-+".repeat(3000) + "\n" + "|".repeat(6001) + "\n" + "+" + "-+".repeat(3000),
  html: "<table>" + "<tr><td colspan=200 rowspan=200>x</td>".repeat(2000) + "</table>",
  dates: "2018年1月1日至".repeat(100000),
  emails: "a".repeat(200000) + "@",
  www: "www." + "a.".repeat(200000),
  anchor: "第二十条第（一）项\n信息内容\n" + "1 ".repeat(200000),
  narrative: "收到" + "1".repeat(100000),
};
for (const [k, v] of Object.entries(cases)) { const t = performance.now(); try { const r = parseText(v); JSON.stringify(r); } catch (e) { console.log(k, "THROW", e.message.slice(0,100)); } console.log(k, (performance.now() - t).toFixed(0), "ms", (v.length/1e6).toFixed(2)+"M"); }
