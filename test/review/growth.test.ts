// Section 7 rules: a year of forecast, KPIs that agree with it, growth past data supports, small groups' activity rate.
import { describe, expect, it } from 'vitest';
import { trialMonths } from '../../src/review/text.js';
import { exampleAnswers, findingsOf, variant } from '../fixtures/review/variants.js';

/** The English example's forecast, computed here: 1,850 followers growing 35 % a quarter, rounded each quarter. */
const lumen = (() => {
  const answers = exampleAnswers('en');
  let exact = answers.growth.baseline.followers;
  let previous = exact;
  const followers: number[] = [];
  const netNew: number[] = [];
  for (let quarter = 0; quarter < answers.meta.horizon.quarters; quarter += 1) {
    exact *= 1 + (answers.growth.quarterlyGrowthPercent as number) / 100;
    followers.push(Math.round(exact));
    netNew.push(Math.round(exact) - previous);
    previous = Math.round(exact);
  }
  return { followers, netNew };
})();
const en = (value: number) => new Intl.NumberFormat('en').format(value);

describe('forecast-four-quarters', () => {
  it('is an error when the plan covers fewer than four quarters, shown under the growth forecast', () => {
    const plan = variant('en', (answers) => {
      answers.meta.horizon.quarters = 3;
      for (const kpi of answers.growth.kpis!) kpi.targets = kpi.targets.slice(0, 3);
    });
    const [finding] = findingsOf(plan, 'forecast-four-quarters');
    expect(finding).toMatchObject({ severity: 'error', section: 'growth', path: 'meta.horizon.quarters' });
    expect(finding!.message).toContain('covers 3 quarters');
  });

  it('is quiet for four quarters', () => {
    expect(findingsOf(variant('en'), 'forecast-four-quarters')).toEqual([]);
  });
});

describe('kpi-forecast-mismatch', () => {
  it('accepts follower KPIs equal to the forecast, or within 10 % of it', () => {
    expect(findingsOf(variant('en'), 'kpi-forecast-mismatch')).toEqual([]);
    const plan = variant('en', (answers) => {
      answers.growth.kpis!.push(
        { metric: 'Followers', unit: 'count', targets: lumen.followers.map((value, index) => (index === 2 ? Math.round(value * 1.09) : value)) },
        { metric: 'New followers', unit: 'count', targets: lumen.netNew },
      );
    });
    expect(findingsOf(plan, 'kpi-forecast-mismatch')).toEqual([]);
  });

  it('warns when a follower total disagrees with the forecast, at the first quarter that does', () => {
    const plan = variant('en', (answers) => {
      answers.growth.kpis!.push({ metric: 'Followers', unit: 'count', targets: lumen.followers.map((value, index) => (index === 2 ? 5_200 : value)) });
    });
    const [finding, ...others] = findingsOf(plan, 'kpi-forecast-mismatch');
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', section: 'growth', path: 'growth.kpis[3].targets[2]' });
    expect(finding!.message).toBe(`"Followers" aims at 5,200 in Q3, but the growth forecast reaches ${en(lumen.followers[2]!)}.`);
  });

  it('compares "new" follower KPIs with the forecast\'s net new followers', () => {
    const plan = variant('en', (answers) => {
      answers.growth.kpis!.push({ metric: 'New followers', unit: 'count', targets: lumen.netNew.map((value, index) => (index === 1 ? value * 2 : value)) });
    });
    expect(findingsOf(plan, 'kpi-forecast-mismatch')[0]!.message).toContain(`the growth forecast adds ${en(lumen.netNew[1]!)}`);
  });

  it('warns when one person\'s newcomer target, per quarter, exceeds the forecast\'s best quarter', () => {
    const best = Math.max(...lumen.netNew);
    const plan = variant('en', (answers) => {
      answers.team.people[0]!.kpis![1]!.target = 800;
    });
    const [finding] = findingsOf(plan, 'kpi-forecast-mismatch');
    expect(finding).toMatchObject({ section: 'team', path: 'team.people[0].kpis[1].target' });
    expect(finding!.message).toBe(`Mia Chen's target of 800 for "New followers" per month means 2,400 a quarter, more than the whole forecast adds in its best quarter (${en(best)}).`);
    const weekly = variant('en', (answers) => {
      Object.assign(answers.team.people[0]!.kpis![1]!, { target: 150, period: 'week' });
    });
    expect(findingsOf(weekly, 'kpi-forecast-mismatch')[0]!.message).toContain('means 1,950 a quarter');
  });

  it('allows a person up to 20 % above the best quarter', () => {
    const plan = variant('en', (answers) => {
      answers.team.people[0]!.kpis![1]!.target = 500;
    });
    expect(findingsOf(plan, 'kpi-forecast-mismatch')).toEqual([]);
  });

  it('words the Chinese example\'s old member target in Chinese', () => {
    const plan = variant('zh', (answers) => {
      answers.team.people[2]!.kpis![0]!.target = 60;
    });
    // Forecast targets 260, 340, 420, 500 from 186 members: at most 80 new members a quarter.
    const [finding] = findingsOf(plan, 'kpi-forecast-mismatch', 'zh-CN');
    expect(finding!.message).toBe('“陈敏”的指标“新增入群客户”每月 60，折合每季度 180，超过了发展规划中增长最多的一个季度（80）。');
  });
});

describe('growth-unsupported', () => {
  it('reads the length of a trial from its dates or its words', () => {
    expect(trialMonths('2026-10-01 to 2026-11-30 (first two months)')).toBeCloseTo(61 / (365.25 / 12), 9);
    expect(trialMonths('2026年9月—10月（试运营两个月）')).toBe(2);
    expect(trialMonths('first 6 weeks')).toBeCloseTo(42 / (365.25 / 12), 9);
    expect(trialMonths('one month')).toBe(1);
    expect(trialMonths('spring')).toBeUndefined();
  });

  it('warns when the forecast adds far more a quarter than the trial\'s pace', () => {
    const plan = variant('en', (answers) => {
      answers.value.trial!.metrics[0]!.value = 700;
    });
    const pace = Math.round((700 / (61 / (365.25 / 12))) * 3);
    const [finding] = findingsOf(plan, 'growth-unsupported');
    expect(finding).toMatchObject({ severity: 'warning', section: 'growth', path: 'growth.quarterlyGrowthPercent' });
    expect(finding!.message).toBe(`The forecast adds ${en(Math.max(...lumen.netNew))} in Q4, far above the trial's pace (700 in 2 months, about ${en(pace)} a quarter).`);
  });

  it('accepts a forecast within 1.5 times the trial\'s pace', () => {
    expect(findingsOf(variant('en'), 'growth-unsupported')).toEqual([]);
    const plan = variant('en', (answers) => {
      answers.value.trial!.metrics[0]!.value = 710;
    });
    expect(findingsOf(plan, 'growth-unsupported')).toEqual([]);
  });

  it('without a trial, warns about a quarter growing more than 50 %', () => {
    const plan = variant('en', (answers) => {
      delete answers.value.trial;
      answers.growth.quarterlyGrowthPercent = [20, 30, 70, 10];
    });
    expect(findingsOf(plan, 'growth-unsupported')[0]!.message).toBe('The forecast grows 70% in Q3, more than 50% a quarter, with no past data to support it.');
    const targets = variant('zh', (answers) => {
      delete answers.value.trial;
      answers.growth.targets = [400, 700, 900, 1000];
    });
    const [finding] = findingsOf(targets, 'growth-unsupported', 'zh-CN');
    expect(finding!.path).toBe('growth.targets');
    // 186 members to 400 is 115.05 % growth.
    expect(finding!.message).toContain('预测在 Q1 增长 115.1%');
  });

  it('without a trial, accepts 50 % a quarter exactly', () => {
    const plan = variant('en', (answers) => {
      delete answers.value.trial;
      answers.growth.quarterlyGrowthPercent = 50;
    });
    expect(findingsOf(plan, 'growth-unsupported')).toEqual([]);
  });
});

describe('small-group-activity-rate', () => {
  const smallGroup = (change: Parameters<typeof variant>[1] = () => {}) => variant('zh', (answers) => {
    answers.growth.baseline.followers = 120;
    change(answers);
  });

  it('warns about every activity-rate target above 30 % that past data never reached', () => {
    const findings = findingsOf(smallGroup(), 'small-group-activity-rate');
    expect(findings.map((finding) => [finding.section, finding.path])).toEqual([
      ['team', 'team.people[0].kpis[0].target'],
      ['growth', 'growth.kpis[0].targets'],
    ]);
    expect(findings[0]!.message).toBe('The group has 120 members (fewer than 150) yet aims at an activity rate of 35%; past data shows 34%.');
    expect(findings[1]!.message).toContain('aims at an activity rate of 40%');
  });

  it('says when there is no past activity rate at all', () => {
    const plan = smallGroup((answers) => {
      delete answers.value.trial;
      delete answers.growth.baseline.metrics;
    });
    expect(findingsOf(plan, 'small-group-activity-rate')[0]!.message).toContain('past data shows no activity rate at all');
  });

  it('is quiet for 150+ members, past data that reached the target, or a target under 30 %', () => {
    expect(findingsOf(variant('zh'), 'small-group-activity-rate')).toEqual([]);
    const reached = smallGroup((answers) => {
      answers.value.trial!.metrics[1]!.value = 45;
    });
    expect(findingsOf(reached, 'small-group-activity-rate')).toEqual([]);
    const modest = smallGroup((answers) => {
      answers.team.people[0]!.kpis![0]!.target = 25;
      answers.growth.kpis![0]!.targets = [25, 26, 28, 29];
    });
    expect(findingsOf(modest, 'small-group-activity-rate')).toEqual([]);
  });
});
