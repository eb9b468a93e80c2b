// The JSON Schema's statistics speak the forms' words (issue 20: the forms are the only form
// knowledge): every statistic and every group of them is described by its wording on the official
// forms (forms/labels.ts), the same words the codebook labels its column with, and no second
// dictionary of labels is left in src/.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMS } from '../src/forms/index.js';
import { officialGroupLabel, officialLabel } from '../src/forms/labels.js';
import { STATISTICS_PATHS } from '../src/statistics.js';
import { labelOf } from '../src/write/codebook.js';
import { recordJsonSchema } from '../src/write/json-schema.js';
import { ROOT } from './helpers.js';

interface Node {
  description?: string;
  properties?: Record<string, Node>;
}

/** The statistics fields of the generated JSON Schema: path → description, leaves and groups apart. */
function statisticsFields(): { leaves: Map<string, string | undefined>; groups: Map<string, string | undefined> } {
  const schema = recordJsonSchema() as { anyOf: Node[] };
  const leaves = new Map<string, string | undefined>();
  const groups = new Map<string, string | undefined>();
  const walk = (node: Node, path: string): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const at = path === '' ? key : `${path}.${key}`;
      (child.properties ? groups : leaves).set(at, child.description);
      walk(child, at);
    }
  };
  walk(schema.anyOf[0]!.properties!['statistics']!, '');
  return { leaves, groups };
}

describe('the JSON Schema describes the statistics by the forms', () => {
  const { leaves, groups } = statisticsFields();

  it('has a leaf for every statistics path of the contract, each described by the forms’ wording of its path', () => {
    expect([...leaves.keys()]).toEqual(STATISTICS_PATHS);
    const differing = [...leaves].filter(([path, description]) => description !== officialLabel(path) || description === null);
    expect(differing).toEqual([]);
  });

  it('words real cells as the forms print them, both wordings with their layouts where 2019 and 2021 differ', () => {
    expect(leaves.get('requests.received.naturalPerson')).toBe('一、本年新收政府信息公开申请数量 / 申请人情况 / 自然人');
    expect(leaves.get('proactive.regulations.issued')).toBe('规章 / 本年新制作数量（2019）；规章 / 本年制发件数（2021）');
    expect(leaves.get('proactive.normativeDocuments.issued')).toBe('规范性文件 / 本年新制作数量（2019）；行政规范性文件 / 本年制发件数（2021）');
    expect(leaves.get('requests.outcomes.denied.processInformation.commercial')).toBe(
      '三、本年度办理结果 / （三）不予公开 / 6.属于四类过程性信息 / 申请人情况 / 法人或其他组织 / 商业企业',
    );
    expect(leaves.get('appeals.litigationDirect.pending')).toBe('行政诉讼 / 未经复议直接起诉 / 尚未审结');
    expect(leaves.get('staffing.budgetWan')).toBe('（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）');
    // Only the pre-2019 form prints it, and by total alone: its row's wording and the column's.
    expect(leaves.get('requests.outcomes.alreadyPublic.naturalPerson')).toBe('1.属于已主动公开范围数 / 自然人');
    // No form prints a row for it: its words are the pre-2019 form's data (forms/pre2019.ts, unprinted).
    expect(leaves.get('requests.receivedVia.other')).toBe('其他方式申请数（统计表无此行）');
  });

  it('describes every group by the labels the forms give it', () => {
    const differing = [...groups].filter(([path, description]) => description !== officialGroupLabel(path) || description === null);
    expect(differing).toEqual([]);
    expect(groups.get('requests')).toBe('三、依申请公开情况（pre2019）；三、收到和处理政府信息公开申请情况（2019、2021）');
    expect(groups.get('requests.received')).toBe('（一）收到申请数（pre2019）；一、本年新收政府信息公开申请数量（2019、2021）');
    expect(groups.get('requests.outcomes.denied')).toBe('4.不同意公开答复数（pre2019）；三、本年度办理结果 / （三）不予公开（2019、2021）');
    expect(groups.get('requests.outcomes.other')).toBe('三、本年度办理结果 / （六）其他处理');
    expect(groups.get('proactive.normativeDocuments')).toBe('规范性文件（2019）；行政规范性文件（2021）');
    expect(groups.get('proactive.channels')).toBe('（二）通过不同渠道和方式公开政府信息的情况');
    expect(groups.get('appeals.review')).toBe('四、行政复议数量（pre2019）；行政复议（2019、2021）');
    expect(groups.get('appeals.litigationAfterReview')).toBe('行政诉讼 / 复议后起诉');
    expect(groups.get('meetings')).toBe('九、政府信息公开会议和培训情况');
    expect(groups.size).toBe(63);
  });

  it('every group a form row heads or a form stands for is a group of the schema (a misspelt one would name nothing)', () => {
    const named = FORMS.flatMap((form) => [...form.rows.flatMap((row) => (row.heads ? [row.heads] : [])), ...(form.part ? [form.base] : [])]);
    expect(named).toContain('requests.completed');
    expect(named.filter((path) => !groups.has(path))).toEqual([]);
  });

  it('agrees with the codebook on every statistics path', () => {
    const differing = STATISTICS_PATHS.filter((path) => labelOf(path) !== leaves.get(path));
    expect(differing).toEqual([]);
  });

  it('knows no group the forms do not', () => {
    expect(officialGroupLabel('requests.outcomes.nonsense')).toBeNull();
    expect(officialLabel('requests.nonsense.total')).toBeNull();
  });
});

describe('one place for the forms’ wording', () => {
  it('src/statistics-labels.ts, the second dictionary, is gone, and its wording of 本年制发件数 with it', () => {
    expect(existsSync(join(ROOT, 'src', 'statistics-labels.ts'))).toBe(false);
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => readFileSync(join(ROOT, 'src', f), 'utf8').includes('本年制发（新制作）件数'))).toEqual([]);
  });
});
